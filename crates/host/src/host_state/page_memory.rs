//! What the page keeps for one widget: its key among the page's widgets, its share link in
//! the URL's fragment, its saved figures and where a reloaded widget left off.

use super::event::TextMap;
use crate::names::{OUTBOX_KEY_PART, SHARE_PARAM, STORAGE_PREFIX};

/// One widget's share link, saved figures and resume point.
#[derive(Debug, Default)]
pub(super) struct PageMemory {
    /// Tells this widget's share link and saved figures from other widgets'.
    pub element_key: String,
    pub saved: TextMap,
    pub fragment: Vec<(String, String)>,
    /// The page URL without its fragment.
    pub page_address: String,
    /// Where a reloaded widget left off, until a program uses it.
    pub resume_code: Option<String>,
    /// Whether the page's share link has been applied (it is, once).
    pub link_applied: bool,
    /// This widget's share code in the page URL when last looked at.
    pub link_seen: Option<String>,
}

impl PageMemory {
    pub fn storage_key(&self, program_id: &str) -> String {
        format!("{STORAGE_PREFIX}:{program_id}:{}", self.element_key)
    }

    /// Where this widget keeps the applications for `program_id` it could not send.
    pub fn outbox_key(&self, program_id: &str) -> String {
        format!(
            "{STORAGE_PREFIX}:{OUTBOX_KEY_PART}{program_id}:{}",
            self.element_key
        )
    }

    /// The figures this widget saved for `program_id`.
    pub fn saved_record(&self, program_id: &str) -> Option<&str> {
        self.saved
            .get(&self.storage_key(program_id))
            .map(String::as_str)
    }

    /// The fragment parameter of this widget's share link.
    pub fn share_param(&self) -> String {
        if self.element_key.is_empty() {
            SHARE_PARAM.to_owned()
        } else {
            format!("{SHARE_PARAM}-{}", self.element_key)
        }
    }

    /// This widget's share code in `fragment`.
    pub fn link_code(&self, fragment: &[(String, String)]) -> Option<String> {
        let param = self.share_param();
        fragment
            .iter()
            .find(|(name, _)| *name == param)
            .map(|(_, code)| code.clone())
    }
}

/// The key of an element with `id` or, without one, with `unnamed_rank` among those
/// without: "" for the first, then `(2)`, `(3)`, ….
pub(super) fn element_key(id: Option<&str>, unnamed_rank: Option<usize>) -> String {
    match (id.filter(|id| !id.is_empty()), unnamed_rank) {
        (Some(id), _) => id.to_owned(),
        (None, Some(rank)) if rank > 0 => format!("({})", rank + 1),
        (None, _) => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_widget_without_an_id_is_keyed_by_its_rank_and_its_link_by_its_key() {
        assert_eq!(element_key(Some("calc"), Some(3)), "calc");
        assert_eq!(element_key(Some(""), Some(0)), "");
        assert_eq!(element_key(None, Some(2)), "(3)");
        let memory = PageMemory {
            element_key: "calc".into(),
            ..PageMemory::default()
        };
        let param = format!("{SHARE_PARAM}-calc");
        assert_eq!(memory.share_param(), param);
        let fragment = vec![
            (SHARE_PARAM.to_owned(), "a".to_owned()),
            (param, "b".to_owned()),
        ];
        assert_eq!(memory.link_code(&fragment).as_deref(), Some("b"));
        assert_eq!(
            memory.storage_key("cloud"),
            format!("{STORAGE_PREFIX}:cloud:calc")
        );
    }
}
