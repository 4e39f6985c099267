//! A link to one widget's figures: the page's address with the share code in its fragment,
//! or, away from the web (the offline file opened from disk), the program's public page.

use partner_roi_engine::cta::percent_encode;

/// What a link to the figures is made of; the page adds its own address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShareLink {
    /// The fragment parameter: `partner-roi`, or `partner-roi-<element key>`.
    pub param: String,
    /// The share code.
    pub code: String,
    /// The program's public page (`share_url`).
    pub public_page: Option<String>,
}

impl ShareLink {
    /// `param=code`, the parameter's name percent-encoded.
    pub fn fragment_part(&self) -> String {
        format!("{}={}", percent_encode(&self.param), self.code)
    }

    /// The link, given the page's address with the link in its fragment (`on_page`): that
    /// address where the page is on the web; elsewhere (`file:`), the program's public page
    /// with the link, where the program names one.
    pub fn url(&self, on_page: &str) -> String {
        let on_the_web = ["https://", "http://"].iter().any(|scheme| {
            on_page
                .get(..scheme.len())
                .is_some_and(|s| s.eq_ignore_ascii_case(scheme))
        });
        match &self.public_page {
            Some(public_page) if !on_the_web => {
                let page = public_page.split('#').next().unwrap_or_default();
                format!("{page}#{}", self.fragment_part())
            }
            _ => on_page.to_owned(),
        }
    }

    /// The link from a page at `page_address` (its URL without the fragment).
    pub fn from_page(&self, page_address: &str) -> String {
        self.url(&format!("{page_address}#{}", self.fragment_part()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn link(public_page: Option<&str>) -> ShareLink {
        ShareLink {
            param: "partner-roi-größe".into(),
            code: "3~example~silver~1~2".into(),
            public_page: public_page.map(str::to_owned),
        }
    }

    #[test]
    fn on_the_web_the_link_is_the_pages_own() {
        let on_page = "https://vendor.example/partners?utm=x#other=1&partner-roi=3~a";
        let link = link(Some("https://vendor.example/public"));
        assert_eq!(link.url(on_page), on_page);
        assert_eq!(
            link.from_page("HTTP://localhost:8000/demo.html"),
            "HTTP://localhost:8000/demo.html#partner-roi-gr%C3%B6%C3%9Fe=3~example~silver~1~2"
        );
    }

    #[test]
    fn from_a_file_the_link_goes_to_the_programs_public_page() {
        let link = link(Some("https://vendor.example/partners#pricing"));
        assert_eq!(
            link.from_page("file:///home/rep/partner-roi.html"),
            "https://vendor.example/partners#partner-roi-gr%C3%B6%C3%9Fe=3~example~silver~1~2"
        );
    }

    #[test]
    fn without_a_public_page_a_file_keeps_its_own_address() {
        assert_eq!(
            link(None).from_page("file:///home/rep/partner-roi.html"),
            "file:///home/rep/partner-roi.html#partner-roi-gr%C3%B6%C3%9Fe=3~example~silver~1~2"
        );
    }
}
