//! Every problem of the draft in one list; each one moves focus to its field.

use partner_roi::engine::json_reader::FieldError;
use yew::prelude::*;

use crate::browser::focus_field;

#[derive(Properties, PartialEq)]
pub struct ProblemSummaryProps {
    pub problems: Vec<FieldError>,
}

#[function_component(ProblemSummary)]
pub fn problem_summary(props: &ProblemSummaryProps) -> Html {
    let count = props.problems.len();
    html! {
        <section class={classes!("summary", (count > 0).then_some("has-problems"))}
            aria-labelledby="summary-heading">
            <h2 id="summary-heading" aria-live="polite">
                { match count {
                    0 => "No problems: the preview shows this draft.".to_owned(),
                    1 => "1 problem: the preview shows the last valid draft.".to_owned(),
                    n => format!("{n} problems: the preview shows the last valid draft."),
                } }
            </h2>
            if count > 0 {
                <ul>
                    { for props.problems.iter().map(|problem| {
                        let path = problem.path.clone();
                        let onclick = Callback::from(move |_| focus_field(&path));
                        html! { <li><button type="button" class="link" {onclick}>{ problem.to_string() }</button></li> }
                    }) }
                </ul>
            }
        </section>
    }
}
