//! The one place that decides who may do what (SPEC 1). Deny by default:
//! an action is allowed only by a rule below. Handlers call `authorize`
//! and never compare roles themselves. A refusal says, in Indonesian, what
//! the user lacks; it becomes a 403 page.

use uuid::Uuid;

use super::CurrentUser;
use crate::domain::role::Role;
use crate::error::AppError;

/// Everything a signed-in user can ask to do, with what it is done to.
#[derive(Debug, Clone, Copy)]
pub enum Action<'a> {
    /// The personal home page.
    ViewHome,
    /// Changing one's own password.
    ChangeOwnPassword,
    /// The admin area of a pemda: lists of users and organizations.
    ViewAdmin { region: &'a str },
    /// Creating and editing accounts of a pemda, setting their passwords.
    ManageUsers { region: &'a str },
    /// Deactivating an account (never one's own: someone must stay admin).
    DeactivateUser { region: &'a str, target: Uuid },
    /// Creating and editing organizations of a pemda.
    ManageOrganizations { region: &'a str },
    /// Giving and taking (organization, role) memberships in a pemda.
    ManageMemberships { region: &'a str },
}

/// Why an action is refused, in words for the user.
#[derive(Debug, Clone, PartialEq)]
pub struct Denied(pub String);

fn admin_of(user: &CurrentUser, region: &str, what: &str) -> Result<(), Denied> {
    if !user.has_role(Role::Admin) {
        return Err(Denied(format!(
            "{what} hanya dapat dilakukan oleh pengguna dengan peran Administrator. Akun Anda ({}) memiliki peran: {}.",
            user.username,
            user.roles_label()
        )));
    }
    if user.region_kode != region {
        return Err(Denied(format!(
            "Data ini milik wilayah lain. Sebagai Administrator Anda hanya dapat mengelola {}.",
            user.region_nama
        )));
    }
    Ok(())
}

pub fn can(user: &CurrentUser, action: Action<'_>) -> Result<(), Denied> {
    match action {
        Action::ViewHome | Action::ChangeOwnPassword => Ok(()),
        Action::ViewAdmin { region } => admin_of(user, region, "Membuka halaman admin"),
        Action::ManageUsers { region } => admin_of(user, region, "Mengelola pengguna"),
        Action::ManageOrganizations { region } => admin_of(user, region, "Mengelola organisasi"),
        Action::ManageMemberships { region } => admin_of(user, region, "Mengelola keanggotaan"),
        Action::DeactivateUser { region, target } => {
            admin_of(user, region, "Menonaktifkan pengguna")?;
            if target == user.id {
                return Err(Denied(
                    "Anda tidak dapat menonaktifkan akun Anda sendiri. Minta administrator lain bila akun ini memang harus dinonaktifkan."
                        .into(),
                ));
            }
            Ok(())
        }
    }
}

/// `can`, as the error handlers return.
pub fn authorize(user: &CurrentUser, action: Action<'_>) -> Result<(), AppError> {
    can(user, action).map_err(|Denied(why)| AppError::Forbidden(why))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::org::OrgKind;
    use crate::store::sessions::SessionMembership;

    fn user(region: &str, roles: &[Role]) -> CurrentUser {
        CurrentUser {
            id: Uuid::now_v7(),
            username: "uji".into(),
            full_name: "Pengguna Uji".into(),
            region_kode: region.into(),
            region_nama: "Kota Magelang".into(),
            province_nama: None,
            memberships: roles
                .iter()
                .map(|r| SessionMembership {
                    organization_id: Uuid::nil(),
                    organization_name: "Bapperida".into(),
                    organization_kind: OrgKind::Bappeda,
                    wilayah_kode: None,
                    role: *r,
                })
                .collect(),
            session_hash: vec![],
        }
    }

    /// Role × action × situation. Only an admin of the same pemda manages
    /// it; every other role, and an admin of another pemda, is refused.
    #[test]
    fn the_admin_table() {
        let other = Uuid::now_v7();
        for role in Role::ALL {
            let u = user("33.71", &[role]);
            let is_admin = role == Role::Admin;
            let actions = [
                Action::ViewAdmin { region: "33.71" },
                Action::ManageUsers { region: "33.71" },
                Action::ManageOrganizations { region: "33.71" },
                Action::ManageMemberships { region: "33.71" },
                Action::DeactivateUser {
                    region: "33.71",
                    target: other,
                },
            ];
            for a in actions {
                assert_eq!(can(&u, a).is_ok(), is_admin, "{role:?} {a:?}");
                let elsewhere = match a {
                    Action::ViewAdmin { .. } => Action::ViewAdmin { region: "35.05" },
                    Action::ManageUsers { .. } => Action::ManageUsers { region: "35.05" },
                    Action::ManageOrganizations { .. } => {
                        Action::ManageOrganizations { region: "35.05" }
                    }
                    Action::ManageMemberships { .. } => {
                        Action::ManageMemberships { region: "35.05" }
                    }
                    _ => Action::DeactivateUser {
                        region: "35.05",
                        target: other,
                    },
                };
                assert!(
                    can(&u, elsewhere).is_err(),
                    "{role:?} in another region: {elsewhere:?}"
                );
            }
            assert!(can(&u, Action::ViewHome).is_ok());
            assert!(can(&u, Action::ChangeOwnPassword).is_ok());
        }
    }

    #[test]
    fn a_user_without_roles_may_only_see_home() {
        let u = user("33.71", &[]);
        assert!(can(&u, Action::ViewHome).is_ok());
        let Denied(why) = can(&u, Action::ViewAdmin { region: "33.71" }).unwrap_err();
        assert!(why.contains("Administrator"), "{why}");
        assert!(why.contains("belum ada peran"), "{why}");
    }

    #[test]
    fn an_admin_cannot_deactivate_themselves() {
        let u = user("33.71", &[Role::Admin]);
        let Denied(why) = can(
            &u,
            Action::DeactivateUser {
                region: "33.71",
                target: u.id,
            },
        )
        .unwrap_err();
        assert!(why.contains("akun Anda sendiri"));
    }
}
