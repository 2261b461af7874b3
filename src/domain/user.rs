//! Accounts: usernames, names, passwords, and the field errors that carry a
//! message back to the form field it concerns.

use std::borrow::Cow;
use std::collections::BTreeMap;

/// Messages keyed by form field name, shown next to the field. Names are
/// usually fixed (`"nama"`); repeated fields carry their index or year
/// (`"realisasi_2026"`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FieldErrors(BTreeMap<Cow<'static, str>, String>);

impl FieldErrors {
    pub fn add(&mut self, field: impl Into<Cow<'static, str>>, message: impl Into<String>) {
        self.0.entry(field.into()).or_insert_with(|| message.into());
    }
    pub fn get(&self, field: &str) -> Option<&str> {
        self.0.get(field).map(String::as_str)
    }
    /// Adds another list's messages (a field keeps its first message).
    pub fn merge(&mut self, other: FieldErrors) {
        for (k, v) in other.0 {
            self.0.entry(k).or_insert(v);
        }
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
    pub fn single(field: &'static str, message: impl Into<String>) -> Self {
        let mut e = FieldErrors::default();
        e.add(field, message);
        e
    }
    pub fn messages(&self) -> Vec<&str> {
        self.0.values().map(String::as_str).collect()
    }
    /// `Ok(())` when nothing was added.
    pub fn into_result(self) -> Result<(), FieldErrors> {
        if self.is_empty() { Ok(()) } else { Err(self) }
    }
}

/// How a person wants to be told of what concerns them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Notify {
    /// By email as it happens (and in the inbox).
    Segera,
    /// One email a day gathering them (and in the inbox).
    Harian,
    /// Only in the inbox.
    KotakMasuk,
}

crate::domain::names! {
    Notify {
        Segera => "segera", "Email setiap ada pemberitahuan (dan di kotak masuk)";
        Harian => "harian", "Satu email ringkasan per hari (dan di kotak masuk)";
        KotakMasuk => "kotak_masuk", "Hanya di kotak masuk Selaras";
    }
}

/// What a person may change of their own account.
#[derive(Debug, Clone, PartialEq)]
pub struct Profile {
    pub full_name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub notify: Notify,
}

impl Profile {
    pub fn parse(
        full_name: &str,
        email: &str,
        phone: &str,
        notify: &str,
    ) -> Result<Profile, FieldErrors> {
        let mut errors = FieldErrors::default();
        let full_name = full_name.trim().to_string();
        if !(2..=200).contains(&full_name.chars().count()) {
            errors.add("full_name", crate::i18n::t("nama-lengkap-2200-karakter"));
        }
        let email = parse_email(email)
            .map_err(|m| errors.add("email", m))
            .ok()
            .flatten();
        let phone = phone.trim();
        let digits = phone.chars().filter(|c| c.is_ascii_digit()).count();
        let phone = if phone.is_empty() {
            None
        } else if phone
            .chars()
            .all(|c| c.is_ascii_digit() || " +-().".contains(c))
            && (8..=15).contains(&digits)
            && phone.chars().count() <= 30
        {
            Some(phone.to_string())
        } else {
            errors.add(
                "phone",
                crate::i18n::t("nomor-telepon-815-angka-contoh-0812"),
            );
            None
        };
        let notify = Notify::parse(notify).unwrap_or_else(|| {
            errors.add("notify", crate::i18n::t("pilih-cara-pemberitahuan"));
            Notify::Segera
        });
        errors.into_result()?;
        Ok(Profile {
            full_name,
            email,
            phone,
            notify,
        })
    }
}

pub const PASSWORD_MIN_CHARS: usize = 12;
/// Long enough for any passphrase; short enough that hashing stays cheap.
pub const PASSWORD_MAX_CHARS: usize = 128;

/// A password a user chose: at least 12 characters, at most 128, and not
/// one that is common or easily guessed (zxcvbn's dictionaries of leaked
/// passwords, names and patterns; score below 3 of 4 is refused). No
/// composition rules, as NIST SP 800-63B and ASVS ask.
pub fn check_new_password(password: &str, username: &str, full_name: &str) -> Result<(), String> {
    let n = password.chars().count();
    if n < PASSWORD_MIN_CHARS {
        return Err(crate::i18n::tf!(
            "kata-sandi-minimal-karakter-sekarang",
            PASSWORD_MIN_CHARS = PASSWORD_MIN_CHARS,
            n = n
        ));
    }
    if n > PASSWORD_MAX_CHARS {
        return Err(crate::i18n::tf!(
            "kata-sandi-maksimal-karakter",
            PASSWORD_MAX_CHARS = PASSWORD_MAX_CHARS
        ));
    }
    let mut inputs: Vec<&str> = vec![username, "selaras"];
    inputs.extend(full_name.split_whitespace());
    let estimate = zxcvbn::zxcvbn(password, &inputs);
    if u8::from(estimate.score()) < 3 {
        return Err(crate::i18n::t("kata-sandi-ini-terlalu-umum-atau").into());
    }
    Ok(())
}

/// Usernames: 3–64 characters of lower-case letters, digits, dot, dash,
/// underscore (`perencana.magelang`). Case is folded before checking.
pub fn parse_username(raw: &str) -> Result<String, String> {
    let u = raw.trim().to_lowercase();
    let ok_len = (3..=64).contains(&u.len());
    let mut chars = u.chars();
    let ok_first = matches!(chars.next(), Some(c) if c.is_ascii_lowercase() || c.is_ascii_digit());
    let ok_rest = chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "._-".contains(c));
    if ok_len && ok_first && ok_rest {
        Ok(u)
    } else {
        Err(crate::i18n::t("nama-pengguna-364-karakter-huruf-kecil").into())
    }
}

pub fn parse_full_name(raw: &str) -> Result<String, String> {
    let n = raw.trim();
    if (2..=200).contains(&n.chars().count()) {
        Ok(n.to_string())
    } else {
        Err(crate::i18n::t("nama-lengkap-2200-karakter").into())
    }
}

pub fn parse_email(raw: &str) -> Result<Option<String>, String> {
    let e = raw.trim();
    if e.is_empty() {
        return Ok(None);
    }
    let at = e.find('@');
    let valid = e.len() <= 254
        && !e.contains(char::is_whitespace)
        && matches!(at, Some(i) if i > 0 && e[i + 1..].contains('.') && !e[i + 1..].contains('@'));
    if valid {
        Ok(Some(e.to_string()))
    } else {
        Err(crate::i18n::t("alamat-email-tidak-valid-contoh-nama").into())
    }
}

/// A new account as typed into the admin form or the command line.
#[derive(Debug, Clone, PartialEq)]
pub struct NewUser {
    pub username: String,
    pub full_name: String,
    pub email: Option<String>,
    /// None: the person sets it through an invitation link.
    pub password: Option<String>,
}

impl NewUser {
    pub fn parse(
        username: &str,
        full_name: &str,
        email: &str,
        password: &str,
    ) -> Result<NewUser, FieldErrors> {
        let mut errors = FieldErrors::default();
        let username = parse_username(username)
            .map_err(|m| errors.add("username", m))
            .ok();
        let full_name = parse_full_name(full_name)
            .map_err(|m| errors.add("full_name", m))
            .ok();
        let email = parse_email(email).map_err(|m| errors.add("email", m)).ok();
        if !password.is_empty()
            && let Err(m) = check_new_password(
                password,
                username.as_deref().unwrap_or(""),
                full_name.as_deref().unwrap_or(""),
            )
        {
            errors.add("password", m);
        }
        match (username, full_name, email) {
            (Some(username), Some(full_name), Some(email)) if errors.is_empty() => Ok(NewUser {
                username,
                full_name,
                email,
                password: (!password.is_empty()).then(|| password.to_string()),
            }),
            _ => Err(errors),
        }
    }
}

/// An account an admin creates, with its first membership: the person,
/// an organization among those offered, and a role.
#[derive(Debug, Clone, PartialEq)]
pub struct NewMember {
    pub user: NewUser,
    pub organization: uuid::Uuid,
    pub role: crate::domain::role::Role,
}

impl NewMember {
    /// `offered`: whether an organization id is one the admin may use.
    pub fn parse(
        user: Result<NewUser, FieldErrors>,
        organization: &str,
        role: &str,
        offered: impl Fn(uuid::Uuid) -> bool,
    ) -> Result<NewMember, FieldErrors> {
        let mut errors = user.as_ref().err().cloned().unwrap_or_default();
        let membership = Membership::parse(organization, role, offered);
        if let Err(e) = &membership {
            errors.merge(e.clone());
        }
        match (user, membership) {
            (Ok(user), Ok(m)) => Ok(NewMember {
                user,
                organization: m.organization,
                role: m.role,
            }),
            _ => Err(errors),
        }
    }
}

/// A membership as an admin's form names it: an organization among those
/// offered, and a role.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Membership {
    pub organization: uuid::Uuid,
    pub role: crate::domain::role::Role,
}

impl Membership {
    pub fn parse(
        organization: &str,
        role: &str,
        offered: impl Fn(uuid::Uuid) -> bool,
    ) -> Result<Membership, FieldErrors> {
        let mut errors = FieldErrors::default();
        let organization = uuid::Uuid::parse_str(organization.trim())
            .ok()
            .filter(|id| offered(*id));
        if organization.is_none() {
            errors.add(
                "organization_id",
                crate::i18n::t("pilih-organisasi-tempat-pengguna-ini-bekerja"),
            );
        }
        let role = crate::domain::role::Role::parse(role.trim());
        if role.is_none() {
            errors.add("role", crate::i18n::t("pilih-peran-pengguna-ini"));
        }
        match (organization, role) {
            (Some(organization), Some(role)) => Ok(Membership { organization, role }),
            _ => Err(errors),
        }
    }
}

/// A person's own sign-up (a citizen), checked: every field is required
/// but the lembaga, which must be one of those offered in the chosen
/// region.
#[derive(Debug, Clone, PartialEq)]
pub struct SignUp {
    pub username: String,
    pub full_name: String,
    pub email: String,
    pub password: String,
    pub region: String,
    pub lembaga: Option<uuid::Uuid>,
}

/// What a sign-up form carries, as typed.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default)]
pub struct SignUpForm {
    pub full_name: String,
    pub email: String,
    pub username: String,
    pub password: String,
    pub confirm: String,
    pub region: String,
    pub lembaga: String,
}

impl SignUpForm {
    /// `regions`: the pemda codes one may sign up in; `lembagas`: the
    /// lembaga one may ask to join, with their pemda.
    pub fn check(
        &self,
        regions: &[String],
        lembagas: &[(uuid::Uuid, String)],
    ) -> Result<SignUp, FieldErrors> {
        let mut errors = FieldErrors::default();
        let full_name = parse_full_name(&self.full_name)
            .map_err(|m| errors.add("full_name", m))
            .ok();
        let email = match parse_email(&self.email) {
            Ok(Some(e)) => Some(e),
            Ok(None) => {
                errors.add(
                    "email",
                    crate::i18n::t("isi-alamat-email-tautan-konfirmasi-dikirim"),
                );
                None
            }
            Err(m) => {
                errors.add("email", m);
                None
            }
        };
        let username = parse_username(&self.username)
            .map_err(|m| errors.add("username", m))
            .ok();
        if let Err(m) = check_new_password(
            &self.password,
            username.as_deref().unwrap_or(""),
            full_name.as_deref().unwrap_or(""),
        ) {
            errors.add("password", m);
        } else if self.password != self.confirm {
            errors.add("confirm", crate::i18n::t("ulangi-kata-sandi-persis-sama"));
        }
        let region = self.region.trim();
        let region = if regions.iter().any(|r| r == region) {
            Some(region.to_string())
        } else {
            errors.add(
                "region",
                crate::i18n::t("pilih-kabupaten-kota-tempat-anda-tinggal"),
            );
            None
        };
        let lembaga = match self.lembaga.trim() {
            "" => None,
            raw => match raw.parse::<uuid::Uuid>().ok().and_then(|id| {
                lembagas
                    .iter()
                    .find(|(l, r)| *l == id && Some(r) == region.as_ref())
            }) {
                Some((id, _)) => Some(*id),
                None => {
                    errors.add(
                        "lembaga",
                        crate::i18n::t("pilih-lembaga-dari-daftar-kabupaten-kota"),
                    );
                    None
                }
            },
        };
        match (username, full_name, email, region) {
            (Some(username), Some(full_name), Some(email), Some(region)) if errors.is_empty() => {
                Ok(SignUp {
                    username,
                    full_name,
                    email,
                    password: self.password.clone(),
                    region,
                    lembaga,
                })
            }
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_new_member_needs_an_offered_organization_and_a_role() {
        use super::*;
        let org = uuid::Uuid::now_v7();
        let user = || NewUser::parse("siti.aminah", "Siti Aminah", "", "");
        let ok = NewMember::parse(user(), &org.to_string(), "agency", |id| id == org).unwrap();
        assert_eq!(ok.role, crate::domain::role::Role::Agency);
        assert_eq!(ok.user.password, None, "an invitation instead");
        let other = uuid::Uuid::now_v7().to_string();
        let e = NewMember::parse(user(), &other, "raja", |id| id == org).unwrap_err();
        assert!(e.get("organization_id").is_some() && e.get("role").is_some());
        // The person's own errors come back with the rest.
        let bad = NewUser::parse("", "Siti", "", "");
        let e = NewMember::parse(bad, &org.to_string(), "agency", |id| id == org).unwrap_err();
        assert!(e.get("username").is_some() && e.get("role").is_none());
    }

    use super::*;

    fn signup(region: &str, lembaga: &str) -> SignUpForm {
        SignUpForm {
            full_name: "Siti Aminah".into(),
            email: "siti@example.id".into(),
            username: "siti.aminah".into(),
            password: "kebun cabai di lereng merapi".into(),
            confirm: "kebun cabai di lereng merapi".into(),
            region: region.into(),
            lembaga: lembaga.into(),
        }
    }

    #[test]
    fn a_sign_up_needs_an_email_a_known_region_and_a_lembaga_of_that_region() {
        let pkk = uuid::Uuid::from_u128(7);
        let regions = vec!["33.71".to_string(), "33.08".to_string()];
        let lembagas = vec![(pkk, "33.71".to_string())];
        let ok = signup("33.71", &pkk.to_string())
            .check(&regions, &lembagas)
            .unwrap();
        assert_eq!(ok.lembaga, Some(pkk));
        assert_eq!(ok.region, "33.71");
        let e = signup("33.08", &pkk.to_string())
            .check(&regions, &lembagas)
            .unwrap_err();
        assert!(e.get("lembaga").is_some(), "a lembaga of another region");
        let e = signup("99.99", "").check(&regions, &lembagas).unwrap_err();
        assert!(e.get("region").is_some());
        let mut f = signup("33.71", "");
        f.email.clear();
        f.confirm = "lain".into();
        let e = f.check(&regions, &lembagas).unwrap_err();
        assert!(e.get("email").is_some() && e.get("confirm").is_some());
    }

    #[test]
    fn short_passwords_are_refused_with_the_count() {
        let e = check_new_password("pendek123", "budi", "Budi").unwrap_err();
        assert!(e.contains("minimal 12"), "{e}");
    }

    #[test]
    fn common_passwords_are_refused_even_when_long() {
        for pw in [
            "password1234",
            "qwertyuiop123",
            "123456789012",
            "budi.santoso1",
        ] {
            assert!(
                check_new_password(pw, "budi.santoso", "Budi Santoso").is_err(),
                "{pw} accepted"
            );
        }
    }

    #[test]
    fn a_passphrase_is_accepted_without_composition_rules() {
        assert!(check_new_password("gunung merbabu berkabut pagi", "budi", "Budi").is_ok());
        assert!(check_new_password("selaras-demo-2026-kuat-sekali", "x", "X").is_ok());
    }

    #[test]
    fn usernames_are_folded_and_checked() {
        assert_eq!(
            parse_username(" Perencana.Magelang ").unwrap(),
            "perencana.magelang"
        );
        assert!(parse_username("ab").is_err());
        assert!(parse_username("a b c").is_err());
        assert!(parse_username(".hidden").is_err());
        assert!(parse_username("x'; DROP TABLE users;--").is_err());
    }

    #[test]
    fn a_profile_is_checked_field_by_field() {
        let p = Profile::parse(
            " Sri Wahyuni ",
            "sri@pkk.id",
            "0812-3456-7890",
            "kotak_masuk",
        )
        .unwrap();
        assert_eq!(p.full_name, "Sri Wahyuni");
        assert_eq!(p.phone.as_deref(), Some("0812-3456-7890"));
        assert_eq!(p.notify, Notify::KotakMasuk);
        let e = Profile::parse("S", "bukan-email", "12", "sering").unwrap_err();
        for field in ["full_name", "email", "phone", "notify"] {
            assert!(e.get(field).is_some(), "{field}");
        }
        assert_eq!(Profile::parse("Sri", "", "", "segera").unwrap().email, None);
    }

    #[test]
    fn emails_are_optional_but_checked() {
        assert_eq!(parse_email("").unwrap(), None);
        assert!(parse_email("a@b.id").unwrap().is_some());
        assert!(parse_email("tanpa-at.id").is_err());
        assert!(parse_email("a@b").is_err());
    }

    #[test]
    fn new_user_reports_every_bad_field() {
        let e = NewUser::parse("x", "", "bukan email", "pendek").unwrap_err();
        for f in ["username", "full_name", "email", "password"] {
            assert!(e.get(f).is_some(), "{f} not reported");
        }
    }
}
