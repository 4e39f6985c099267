//! Criterion benchmarks of the engine, natively: `cargo bench --bench engine`
//! (run with the browser benchmark by `cargo xtask bench`).
//!
//! The workload of issue #6: the built-in "Example Cloud" program (4 tiers) projected
//! over 10 years. Target: `project` <= 100 µs median (issue 27, the month-by-month model).

use criterion::{criterion_group, criterion_main, Criterion};
use partner_roi::engine::default_program::{default_program, default_program_json};
use partner_roi::engine::json_text::parse_value;
use partner_roi::engine::schedule::client_schedule;
use partner_roi::engine::{project, result_text, InputKey, PartnerInputs, Program};
use rust_decimal::Decimal;
use std::hint::black_box;

/// The default program with its default inputs, horizon set to 10 years.
fn workload() -> (Program, PartnerInputs) {
    let program = default_program();
    let mut inputs = program.default_inputs();
    inputs.set(InputKey::HorizonYears, Decimal::from(10));
    (program, inputs)
}

fn engine(c: &mut Criterion) {
    let (program, inputs) = workload();
    assert_eq!(
        program.tiers.len(),
        4,
        "the default program should have 4 tiers"
    );
    match project(&program, &inputs) {
        Ok(projection) => assert_eq!(projection.horizon_years, 10),
        Err(error) => panic!("the benchmark workload does not project: {error}"),
    }

    // The figure the target is about: one full projection.
    c.bench_function("project_4_tiers_10_years", |b| {
        b.iter(|| project(black_box(&program), black_box(&inputs)))
    });
    // Its tier-independent part, month by month: computed once per projection.
    c.bench_function("client_schedule_10_years", |b| {
        b.iter(|| client_schedule(black_box(&inputs), 10))
    });
    // What the widget does per settled change on top: the result document's JSON text.
    c.bench_function("project_and_result_json_4_tiers_10_years", |b| {
        b.iter(|| {
            project(black_box(&program), black_box(&inputs))
                .map(|projection| result_text(&program, &projection, None))
        })
    });
    // What the handout adds per settled change: the QR code of the link to the figures (a
    // share link of the built-in program, with a rep).
    let link = "https://vendor.example/partners#partner-roi=3~example-cloud~gold~20~10~5~10000~5~10~60~50~1500~800~30~400~2~5000~3~10~0~Jo%20Rep,jo%40vendor.example";
    c.bench_function("handout_qr_code_of_a_share_link", |b| {
        b.iter(|| partner_roi::qr_code::qr_path(black_box(link)))
    });
    // Start-up work: reading and validating the built-in program file (every language).
    let json = default_program_json();
    c.bench_function("parse_default_program", |b| {
        b.iter(|| Program::from_json_text(black_box(json.as_str())))
    });
    // Its JSON text alone, by the widget's reader and, for comparison, by serde_json's.
    c.bench_function("read_default_program_json_text", |b| {
        b.iter(|| parse_value(black_box(json.as_str())))
    });
    c.bench_function("read_default_program_json_text_serde_json", |b| {
        b.iter(|| serde_json::from_str::<serde_json::Value>(black_box(json.as_str())))
    });
}

criterion_group!(benches, engine);
criterion_main!(benches);
