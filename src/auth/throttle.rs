//! The throttling decision for a sign-in attempt, from the recent failures
//! counted in `store::login_attempts`. Pure, so the rule is tested alone.

use std::time::Duration;

use time::OffsetDateTime;

use crate::config::ThrottleConfig;
use crate::store::login_attempts::Recent;

#[derive(Debug, Clone, PartialEq)]
pub enum Verdict {
    /// Check the password, after waiting this long (zero when no failures).
    Proceed { delay: Duration },
    /// Do not check the password; tell the user to come back at `until`.
    Refuse { until: OffsetDateTime },
}

pub fn decide(cfg: &ThrottleConfig, recent: &Recent) -> Verdict {
    let window = time::Duration::try_from(cfg.window).unwrap_or(time::Duration::minutes(15));
    let mut until: Option<OffsetDateTime> = None;
    if recent.account_failures >= cfg.account_lock_after
        && let Some(at) = recent.account_nth_at
    {
        until = Some(at + window);
    }
    if recent.addr_failures >= cfg.addr_lock_after
        && let Some(at) = recent.addr_nth_at
    {
        until = Some(until.map_or(at + window, |u| u.max(at + window)));
    }
    if let Some(until) = until {
        return Verdict::Refuse { until };
    }
    let over = recent.account_failures - cfg.account_slow_after + 1;
    let delay = if over > 0 {
        (cfg.delay_step * over as u32).min(cfg.max_delay)
    } else {
        Duration::ZERO
    };
    Verdict::Proceed { delay }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    fn recent(account: i64, addr: i64) -> Recent {
        Recent {
            account_failures: account,
            account_nth_at: Some(datetime!(2026-11-24 10:00 UTC)),
            addr_failures: addr,
            addr_nth_at: Some(datetime!(2026-11-24 10:05 UTC)),
        }
    }

    #[test]
    fn first_attempts_go_straight_through() {
        let cfg = ThrottleConfig::default();
        assert_eq!(
            decide(&cfg, &recent(0, 0)),
            Verdict::Proceed {
                delay: Duration::ZERO
            }
        );
        assert_eq!(
            decide(&cfg, &recent(2, 2)),
            Verdict::Proceed {
                delay: Duration::ZERO
            }
        );
    }

    #[test]
    fn repeated_failures_slow_down_then_refuse() {
        let cfg = ThrottleConfig::default();
        let Verdict::Proceed { delay: d3 } = decide(&cfg, &recent(3, 3)) else {
            panic!()
        };
        let Verdict::Proceed { delay: d5 } = decide(&cfg, &recent(5, 5)) else {
            panic!()
        };
        assert!(d3 > Duration::ZERO && d5 > d3 && d5 <= cfg.max_delay);
        assert_eq!(
            decide(&cfg, &recent(10, 10)),
            Verdict::Refuse {
                until: datetime!(2026-11-24 10:15 UTC)
            }
        );
    }

    #[test]
    fn an_address_with_many_failures_is_refused_too() {
        let cfg = ThrottleConfig::default();
        assert_eq!(
            decide(&cfg, &recent(0, 50)),
            Verdict::Refuse {
                until: datetime!(2026-11-24 10:20 UTC)
            }
        );
    }
}
