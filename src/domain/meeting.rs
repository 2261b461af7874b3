//! Meetings (issue 17): every Musrenbang is a meeting, and so is a Forum
//! Kemitraan (seed 001). The forms of a meeting and its attendance, parsed
//! into commands or field errors.

use serde::Deserialize;
use time::Date;
use uuid::Uuid;

use super::user::FieldErrors;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MeetingKind {
    MusrenbangDesa,
    MusrenbangKecamatan,
    ForumPerangkatDaerah,
    MusrenbangKabkota,
    ForumKemitraan,
    Lainnya,
}

crate::domain::names! {
    MeetingKind {
        MusrenbangDesa => "musrenbang_desa", "Musrenbang desa/kelurahan";
        MusrenbangKecamatan => "musrenbang_kecamatan", "Musrenbang kecamatan";
        ForumPerangkatDaerah => "forum_perangkat_daerah", "Forum perangkat daerah";
        MusrenbangKabkota => "musrenbang_kabkota", "Musrenbang kabupaten/kota";
        ForumKemitraan => "forum_kemitraan", "Forum Kemitraan";
        Lainnya => "lainnya", "Musyawarah lain";
    }
}

/// The new-meeting form as typed.
#[derive(Debug, Deserialize, Default, Clone)]
#[serde(default)]
pub struct MeetingForm {
    pub jenis: String,
    pub judul: String,
    pub tanggal: String,
    pub tempat: String,
    pub penyelenggara: String,
    pub agenda: String,
    /// Invited organizations (ids).
    pub diundang: Vec<String>,
}

/// A meeting ready to record.
#[derive(Debug, Clone, PartialEq)]
pub struct NewMeeting {
    pub kind: MeetingKind,
    pub title: String,
    pub held_on: Date,
    pub place: String,
    pub organizer: Uuid,
    pub agenda: String,
    pub invited: Vec<Uuid>,
}

impl MeetingForm {
    /// `organizers`: the organizations this person may organize for;
    /// `orgs`: the region's organizations (who may be invited).
    pub fn check(&self, organizers: &[Uuid], orgs: &[Uuid]) -> Result<NewMeeting, FieldErrors> {
        let mut e = FieldErrors::default();
        let kind = MeetingKind::parse(&self.jenis);
        if kind.is_none() {
            e.add("jenis", crate::i18n::t("pilih-jenis-musyawarah"));
        }
        let title = self.judul.trim().to_string();
        if !(5..=200).contains(&title.chars().count()) {
            e.add("judul", "Nama musyawarah 5–200 karakter, mis. \"Musrenbang Kecamatan Magelang Tengah 2026\".");
        }
        let held_on = crate::format::parse_date(&self.tanggal);
        if held_on.is_none() {
            e.add("tanggal", crate::i18n::t("isi-tanggal-musyawarah"));
        }
        let place = self.tempat.trim().to_string();
        if !(1..=200).contains(&place.chars().count()) {
            e.add(
                "tempat",
                "Isi tempat musyawarah, mis. \"Aula Kecamatan Magelang Tengah\".",
            );
        }
        let organizer = Uuid::parse_str(&self.penyelenggara)
            .ok()
            .filter(|o| organizers.contains(o));
        if organizer.is_none() {
            e.add(
                "penyelenggara",
                crate::i18n::t("pilih-penyelenggara-dari-organisasi-anda"),
            );
        }
        let agenda = self.agenda.trim().to_string();
        if agenda.chars().count() > 5000 {
            e.add(
                "agenda",
                crate::i18n::t("agenda-paling-panjang-5-000-karakter"),
            );
        }
        let mut invited: Vec<Uuid> = self
            .diundang
            .iter()
            .filter_map(|s| Uuid::parse_str(s).ok())
            .filter(|o| orgs.contains(o))
            .collect();
        invited.sort();
        invited.dedup();
        match (kind, held_on, organizer) {
            (Some(kind), Some(held_on), Some(organizer)) if e.is_empty() => Ok(NewMeeting {
                kind,
                title,
                held_on,
                place,
                organizer,
                agenda,
                invited,
            }),
            _ => Err(e),
        }
    }
}

/// A name on the attendance list, with the organization they came for.
#[derive(Debug, Deserialize, Default, Clone)]
#[serde(default)]
pub struct AttendeeForm {
    pub nama: String,
    pub organisasi: String,
}

impl AttendeeForm {
    pub fn check(&self) -> Result<(String, String), FieldErrors> {
        let mut e = FieldErrors::default();
        let name = self.nama.trim().to_string();
        if !(1..=200).contains(&name.chars().count()) {
            e.add("nama", crate::i18n::t("isi-nama-peserta"));
        }
        let org = self.organisasi.trim().to_string();
        if !(1..=200).contains(&org.chars().count()) {
            e.add(
                "organisasi",
                "Isi organisasi atau unsur yang diwakili, mis. \"LPM Rejowinangun Utara\".",
            );
        }
        if e.is_empty() {
            Ok((name, org))
        } else {
            Err(e)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_meeting_needs_its_kind_date_place_and_an_organizer_of_ones_own() {
        let mine = Uuid::now_v7();
        let other = Uuid::now_v7();
        let form = MeetingForm {
            jenis: "musrenbang_kecamatan".into(),
            judul: "Musrenbang Kecamatan Magelang Tengah".into(),
            tanggal: "2026-02-10".into(),
            tempat: "Aula Kecamatan".into(),
            penyelenggara: mine.to_string(),
            agenda: "1. Pembukaan".into(),
            diundang: vec![
                other.to_string(),
                other.to_string(),
                "x".into(),
                Uuid::now_v7().to_string(),
            ],
        };
        let m = form.check(&[mine], &[mine, other]).unwrap();
        assert_eq!(m.invited, vec![other], "known organizations once");
        let not_mine = MeetingForm {
            penyelenggara: other.to_string(),
            ..form.clone()
        };
        assert!(
            not_mine
                .check(&[mine], &[mine, other])
                .unwrap_err()
                .get("penyelenggara")
                .is_some()
        );
        let empty = MeetingForm::default().check(&[mine], &[]).unwrap_err();
        for f in ["jenis", "judul", "tanggal", "tempat", "penyelenggara"] {
            assert!(empty.get(f).is_some(), "{f}");
        }
    }

    #[test]
    fn an_attendee_has_a_name_and_an_organization() {
        let ok = AttendeeForm {
            nama: " Siti ".into(),
            organisasi: "PKK".into(),
        }
        .check()
        .unwrap();
        assert_eq!(ok.0, "Siti");
        assert!(AttendeeForm::default().check().is_err());
    }
}
