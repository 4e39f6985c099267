//! The program's public page (`share_url`): where links made in the offline file point.

use partner_roi_engine::default_program::default_program_json;
use partner_roi_engine::{FieldError, Program};
use serde_json::{json, Value};

fn with_share_url(share_url: Value) -> Result<Program, Vec<FieldError>> {
    let mut program: Value = serde_json::from_str(&default_program_json()).unwrap();
    program["share_url"] = share_url;
    Program::from_json(&program)
}

fn problem(share_url: Value) -> (String, String) {
    let errors = with_share_url(share_url).expect_err("the address should be refused");
    assert_eq!(errors.len(), 1, "{errors:?}");
    (errors[0].path.clone(), errors[0].message.to_string())
}

#[test]
fn a_web_page_is_kept_trimmed_and_without_it_there_is_none() {
    let program = with_share_url(json!("  https://vendor.example/partners  ")).unwrap();
    assert_eq!(
        program.share_url.as_deref(),
        Some("https://vendor.example/partners")
    );
    let program: Value = serde_json::from_str(&default_program_json()).unwrap();
    assert_eq!(Program::from_json(&program).unwrap().share_url, None);
}

#[test]
fn only_a_web_page_without_spaces_within_the_limit_is_accepted() {
    for refused in [
        json!("file:///home/rep/partner-roi.html"),
        json!("javascript:alert(1)"),
    ] {
        let (path, message) = problem(refused);
        assert_eq!(path, "share_url");
        assert!(message.contains("https:"), "{message}");
    }
    assert_eq!(
        problem(json!("https://vendor.example/our partners")).0,
        "share_url"
    );
    let long = format!("https://vendor.example/{}", "a".repeat(2_000));
    let (path, message) = problem(json!(long));
    assert_eq!(path, "share_url");
    assert!(message.contains("2000"), "{message}");
    assert_eq!(problem(json!("")).0, "share_url");
    assert_eq!(problem(json!(12)).0, "share_url");
}
