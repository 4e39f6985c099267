//! What the `<partner-roi>` element offers a page, from one source, written for each tool
//! that reads it. `cargo xtask dist` writes the texts into the bundles and the npm package.
//!
//! - [`ElementDocs`]: the names of `crates/host/src/names.rs` with their doc comments, the
//!   CSS custom properties, and the types of the program format and the result document;
//! - [`names_block`]: `PARTNER_ROI_NAMES`, the names `src/embed/element.js` reads;
//! - [`types_ts`]: the TypeScript declarations (the element, JSX, Vue, Svelte, React);
//! - [`manifests`]: the Custom Elements Manifest, VS Code's custom data, JetBrains' web-types.

mod element_docs;
pub mod manifests;
mod names_js;
pub mod types_ts;

pub use element_docs::ElementDocs;
pub use names_js::names_block;

/// An error, said in a sentence.
pub type Result<T = ()> = std::result::Result<T, String>;
