//! Email, only when SMTP is configured: notifications are mailed from an
//! outbox (the notifications not yet mailed), which the server drains in the
//! background. The inbox always works; email is a copy.

use std::time::Duration;

use lettre::message::Mailbox;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use sqlx::PgPool;

use crate::config::{Config, redact_url};
use crate::store::notifications;

pub struct Mailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
    public_url: String,
}

impl Mailer {
    /// None when no SMTP server is configured.
    pub fn from_config(cfg: &Config) -> Result<Option<Mailer>, String> {
        let Some(url) = &cfg.smtp_url else {
            return Ok(None);
        };
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
            .map_err(|e| format!("SELARAS_SMTP_URL {} is not usable: {e}", redact_url(url)))?
            .timeout(Some(Duration::from_secs(20)))
            .build();
        let from: Mailbox = cfg.mail_from.parse().map_err(|e| {
            format!(
                "SELARAS_MAIL_FROM {:?} is not an address: {e}",
                cfg.mail_from
            )
        })?;
        Ok(Some(Mailer {
            transport,
            from,
            public_url: cfg.public_url.trim_end_matches('/').to_string(),
        }))
    }
}

impl Mailer {
    /// Sends one message now (a reset link: never stored, never queued).
    pub async fn send_one(
        &self,
        name: &str,
        email: &str,
        subject: &str,
        text: &str,
    ) -> Result<(), String> {
        let to: Mailbox = format!("{name} <{email}>")
            .parse()
            .map_err(|e| format!("{e}"))?;
        let message = Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(format!("[Selaras] {subject}"))
            .body(text.to_string())
            .map_err(|e| e.to_string())?;
        self.transport
            .send(message)
            .await
            .map(|_| ())
            .map_err(|e| e.to_string())
    }

    pub fn public_url(&self) -> &str {
        &self.public_url
    }
}

#[derive(sqlx::FromRow)]
struct Pending {
    id: i64,
    user_id: uuid::Uuid,
    email: String,
    full_name: String,
    title: String,
    body: String,
    link: String,
    #[sqlx(flatten)]
    audience: notifications::Audience,
}

/// Mails up to 100 pending notifications of the last two days to users who
/// have an email address; marks them mailed. Rows are locked with SKIP
/// LOCKED, so several server instances never send one twice.
pub async fn drain_outbox(db: &PgPool, mailer: &Mailer) -> Result<usize, String> {
    let mut tx = db.begin().await.map_err(|e| e.to_string())?;
    let rows: Vec<Pending> = sqlx::query_as(&format!(
        "SELECT n.id, n.user_id, u.email, u.full_name, n.title, n.body, n.link, {}
         FROM notifications n JOIN users u ON u.id = n.user_id
         LEFT JOIN plans p ON p.id = n.plan_id
         WHERE n.emailed_at IS NULL AND u.email IS NOT NULL AND u.active AND u.notify = 'segera'
           AND n.created_at > now() - interval '2 days'
         ORDER BY n.id LIMIT 100
         FOR UPDATE OF n SKIP LOCKED",
        notifications::AUDIENCE_COLUMNS
    ))
    .fetch_all(&mut *tx)
    .await
    .map_err(|e| e.to_string())?;
    // The same rule as the page, for each recipient now: what they may no
    // longer read is marked done without being sent.
    let mut ids: Vec<uuid::Uuid> = rows.iter().map(|r| r.user_id).collect();
    ids.sort();
    ids.dedup();
    let viewers = crate::store::sessions::viewers(&mut tx, &ids)
        .await
        .map_err(|e| e.to_string())?;
    let mut sent = Vec::new();
    for row in rows {
        let Pending {
            id,
            user_id,
            email,
            full_name: name,
            title,
            body,
            link,
            audience,
        } = row;
        if !viewers
            .iter()
            .any(|v| v.id == user_id && audience.admits(v))
        {
            sent.push(id);
            continue;
        }
        let to: Mailbox = match format!("{name} <{email}>").parse() {
            Ok(m) => m,
            Err(_) => {
                sent.push(id); // an unusable address: do not retry forever
                continue;
            }
        };
        let text = format!(
            "{title}\n\n{body}\n\nBuka: {}{link}\n\n-- \nSelaras. Pemberitahuan ini juga ada di kotak masuk Anda.",
            mailer.public_url
        );
        let message = Message::builder()
            .from(mailer.from.clone())
            .to(to)
            .subject(format!("[Selaras] {title}"))
            .body(text)
            .map_err(|e| e.to_string())?;
        match mailer.transport.send(message).await {
            Ok(_) => sent.push(id),
            Err(e) => {
                tracing::warn!(error = %e, "sending a notification email failed; will retry");
                break;
            }
        }
    }
    sqlx::query("UPDATE notifications SET emailed_at = now() WHERE id = ANY($1)")
        .bind(&sent)
        .execute(&mut *tx)
        .await
        .map_err(|e| e.to_string())?;
    tx.commit().await.map_err(|e| e.to_string())?;
    Ok(sent.len())
}
