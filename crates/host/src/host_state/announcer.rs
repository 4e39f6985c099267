//! Telling the page about settled figures: each settle is numbered, and announced once,
//! when the view showing it has been rendered: `ready` the first time, `change` after.

use serde_json::Value;
use std::rc::Rc;

use super::effect::{Announcement, HostEffect};
use super::phase::Settled;

/// The numbering of settles and what has been announced of them.
#[derive(Debug, Default)]
pub(super) struct Announcer {
    /// The number of the last settle.
    settled: u64,
    /// The number of the last settle announced.
    announced: u64,
    ready_sent: bool,
}

impl Announcer {
    /// The number of the last settle (0: none yet).
    pub fn last_settled(&self) -> u64 {
        self.settled
    }

    /// The next settle: `inputs` with their result document's text.
    pub fn settle(&mut self, inputs: Value, result: Rc<str>) -> Settled {
        self.settled += 1;
        Settled {
            inputs,
            result,
            seq: self.settled,
        }
    }

    /// The view showing settle `seq` was rendered: announce `settled` if that is the one
    /// it showed and it has not been announced.
    pub fn shown(&mut self, settled: &Settled, seq: u64, out: &mut Vec<HostEffect>) {
        if settled.seq != seq || seq <= self.announced {
            return;
        }
        self.announced = seq;
        let (inputs, result) = (settled.inputs.clone(), settled.result.clone());
        if std::mem::replace(&mut self.ready_sent, true) {
            out.push(HostEffect::Announce(Announcement::Change {
                inputs,
                result,
            }));
        } else {
            out.push(HostEffect::MarkFirstResults);
            out.push(HostEffect::Announce(Announcement::Ready { inputs, result }));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn announced(out: &[HostEffect]) -> Vec<&'static str> {
        out.iter()
            .filter_map(|effect| match effect {
                HostEffect::Announce(Announcement::Ready { .. }) => Some("ready"),
                HostEffect::Announce(Announcement::Change { .. }) => Some("change"),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn a_settle_is_announced_once_when_shown_ready_first_then_change() {
        let mut announcer = Announcer::default();
        let first = announcer.settle(Value::Null, Rc::from("{}"));
        let mut out = Vec::new();
        announcer.shown(&first, first.seq + 1, &mut out);
        assert!(out.is_empty(), "another settle's view");
        announcer.shown(&first, first.seq, &mut out);
        announcer.shown(&first, first.seq, &mut out);
        assert_eq!(announced(&out), ["ready"]);
        let second = announcer.settle(Value::Null, Rc::from("{}"));
        assert_eq!(announcer.last_settled(), 2);
        announcer.shown(&second, second.seq, &mut out);
        assert_eq!(announced(&out), ["ready", "change"]);
    }
}
