//! Laying out fields of the draft: each with its value and the engine's messages for it.

use partner_roi::designer::designer_state::DesignerState;
use partner_roi::designer::field_path::FieldPath;
use partner_roi::designer::schema::{FieldKind, FieldSpec};
use partner_roi::i18n::Language;
use std::rc::Rc;
use yew::prelude::*;

use crate::field::Field;

/// What every field needs from the designer.
#[derive(Clone, PartialEq)]
pub struct Form {
    pub state: Rc<DesignerState>,
    pub on_type: Callback<(FieldPath, FieldKind, String)>,
    /// The draft's currency, shown after money.
    pub currency: AttrValue,
}

impl Form {
    /// The field `spec` of the object at `parent`.
    pub fn field(&self, parent: &FieldPath, spec: FieldSpec) -> Html {
        self.field_with_placeholder(parent, spec, None)
    }

    /// The field `spec` of the object at `parent`, showing `placeholder` while empty.
    pub fn field_with_placeholder(
        &self,
        parent: &FieldPath,
        spec: FieldSpec,
        placeholder: Option<String>,
    ) -> Html {
        let path = parent.key(spec.key);
        let own = path.to_string();
        let problems: Vec<String> = self
            .state
            .problems_at(&path)
            .map(|problem| {
                if problem.path == own {
                    Language::ENGLISH.say(&problem.message)
                } else {
                    problem.to_string()
                }
            })
            .collect();
        html! {
            <Field key={own} path={path.clone()} spec={spec} value={self.state.value(&path).cloned()}
                problems={problems} currency={self.currency.clone()}
                placeholder={placeholder.map(AttrValue::from).unwrap_or_default()}
                on_type={self.on_type.clone()} />
        }
    }

    /// Every field of `specs` in the object at `parent`.
    pub fn fields(&self, parent: &FieldPath, specs: Vec<FieldSpec>) -> Html {
        specs
            .into_iter()
            .map(|spec| self.field(parent, spec))
            .collect()
    }

    /// The draft's text at `path`, if it has one.
    pub fn text(&self, path: &FieldPath) -> Option<String> {
        self.state
            .value(path)
            .and_then(|value| value.as_str())
            .map(str::to_owned)
    }
}
