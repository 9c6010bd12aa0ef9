//! `cargo xtask bench` (first part): the bytes of what ships — the single file, the hosted
//! files raw and compressed, the wasm alone — and what Project Fluent would add, measured by
//! building the same messages both ways. Prints a table and writes bench-output/bench.json.
//! Also the size budget that `cargo xtask test` enforces on the single file.

use crate::setup::Tools;
use crate::{build, root, run_cmd};
use std::path::Path;
use std::process::Command;

/// The single-file budget, in bytes, from `bench/size-budget.txt` (changed deliberately,
/// with the reason in the commit).
pub fn single_file_budget() -> Result<u64, String> {
    let text = std::fs::read_to_string(root().join("bench/size-budget.txt")).map_err(|e| format!("cannot read bench/size-budget.txt: {e}"))?;
    text.lines()
        .filter(|l| !l.trim_start().starts_with('#'))
        .find_map(|l| l.strip_prefix("single_file_bytes = ").map(|v| v.trim().replace('_', "")))
        .and_then(|v| v.parse().ok())
        .ok_or_else(|| "bench/size-budget.txt has no `single_file_bytes = N` line".into())
}

/// Fails when the single file is over its budget.
pub fn check_size_budget() -> Result<(), String> {
    let budget = single_file_budget()?;
    let size = file_size(&root().join("dist/ethics-advisor.html"))?;
    println!("size: single file {size} bytes, budget {budget} bytes ({:.1}% used)", size as f64 * 100.0 / budget as f64);
    if size > budget {
        Err(format!("the single file is {size} bytes, over its budget of {budget} (bench/size-budget.txt)"))
    } else {
        Ok(())
    }
}

fn file_size(path: &Path) -> Result<u64, String> {
    std::fs::metadata(path).map(|m| m.len()).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

/// Bytes after `gzip -9` (the gzip that every Debian system has).
fn gzip_size(path: &Path) -> Result<u64, String> {
    let out = Command::new("gzip").args(["-9", "-c", "-n"]).arg(path).output().map_err(|e| format!("cannot run gzip: {e}"))?;
    if !out.status.success() {
        return Err(format!("gzip failed on {}", path.display()));
    }
    Ok(out.stdout.len() as u64)
}

/// Bytes after `brotli -q 11`, if a brotli tool is installed.
fn brotli_size(path: &Path) -> Option<u64> {
    let out = Command::new("brotli").args(["-q", "11", "-c"]).arg(path).output().ok()?;
    out.status.success().then_some(out.stdout.len() as u64)
}

/// The probe's optimized wasm size with and without Fluent.
fn fluent_probe(tools: &Tools) -> Result<[(u64, u64); 2], String> {
    let mut sizes = [(0, 0); 2];
    for (i, features) in [&[][..], &["--features", "fluent"][..]].iter().enumerate() {
        run_cmd(Command::new("cargo").args(["build", "--release", "--target", "wasm32-unknown-unknown", "--package", "fluent-probe"]).args(*features))?;
        let out = root().join(format!("target/fluent-probe-{i}.wasm"));
        run_cmd(Command::new(&tools.wasm_opt).arg("-Oz").arg(root().join("target/wasm32-unknown-unknown/release/fluent_probe.wasm")).arg("-o").arg(&out))?;
        sizes[i] = (file_size(&out)?, gzip_size(&out)?);
    }
    Ok(sizes)
}

pub fn run(tools: &Tools) -> Result<(), String> {
    let dist = build::hosted(tools)?;
    let single = dist.join("ethics-advisor.html");
    // What an intranet page that embeds the advisor transfers.
    let hosted = ["boot.js", "ethics_advisor.js", "ethics_advisor_bg.wasm", "ethics-advisor.css"];
    let (mut raw, mut gz, mut br) = (0, 0, Some(0));
    for name in hosted {
        let path = dist.join(name);
        raw += file_size(&path)?;
        gz += gzip_size(&path)?;
        br = br.zip(brotli_size(&path)).map(|(a, b)| a + b);
    }
    let wasm = dist.join("ethics_advisor_bg.wasm");
    let [(plain, plain_gz), (fluent, fluent_gz)] = fluent_probe(tools)?;
    let rows = [
        ("single_file_bytes", file_size(&single)?),
        ("single_file_gzip_bytes", gzip_size(&single)?),
        ("hosted_bytes", raw),
        ("hosted_gzip_bytes", gz),
        ("wasm_bytes", file_size(&wasm)?),
        ("wasm_gzip_bytes", gzip_size(&wasm)?),
        ("fluent_cost_wasm_bytes", fluent.saturating_sub(plain)),
        ("fluent_cost_wasm_gzip_bytes", fluent_gz.saturating_sub(plain_gz)),
    ];
    println!("\n| measure | bytes |\n|---|---:|");
    for (name, value) in &rows {
        println!("| {name} | {value} |");
    }
    match br {
        Some(br) => println!("| hosted_brotli_bytes | {br} |"),
        None => println!("| hosted_brotli_bytes | (no brotli tool installed) |"),
    }
    println!("| single_file_budget_bytes | {} |", single_file_budget()?);
    // The engine is timed optimized, as it runs in the app: a release build of this tool.
    let scaling_json = root().join("target/engine-scaling.json");
    run_cmd(Command::new("cargo").args(["run", "--quiet", "--release", "--package", "xtask", "--", "engine-scaling"]).arg(&scaling_json))?;
    let scaling = std::fs::read_to_string(&scaling_json).map_err(|e| format!("cannot read {}: {e}", scaling_json.display()))?;
    let mut json: Vec<String> = rows.iter().map(|(k, v)| format!("  \"{k}\": {v}")).chain(br.map(|b| format!("  \"hosted_brotli_bytes\": {b}"))).collect();
    json.push(format!("  \"engine_scaling\": {}", scaling.trim()));
    let out = root().join("bench-output");
    std::fs::create_dir_all(&out).map_err(|e| format!("cannot create bench-output/: {e}"))?;
    std::fs::write(out.join("bench.json"), format!("{{\n{}\n}}\n", json.join(",\n"))).map_err(|e| format!("cannot write bench-output/bench.json: {e}"))?;
    println!("\nbench: written to bench-output/bench.json");
    Ok(())
}

/// `cargo xtask engine-scaling OUT` (run optimized by `bench`): validation and path
/// enumeration at 1×, 10× and 100× the real pack; prints a table and writes JSON to OUT.
pub fn engine_scaling(args: &[String]) -> Result<(), String> {
    let [out] = args else { return Err("usage: cargo xtask engine-scaling OUT.json".into()) };
    let pack = crate::cases::load_pack(None)?;
    let rows = crate::scaling::measure(&pack)?;
    println!("\n| pack | topics | validation (median) | path enumeration (median) | paths |\n|---|---:|---:|---:|---:|");
    let mut json = Vec::new();
    for (scale, topics, validation, enumeration, paths) in &rows {
        let (v, e) = (validation.as_secs_f64() * 1e3, enumeration.as_secs_f64() * 1e3);
        println!("| {scale}× | {topics} | {v:.2} ms | {e:.3} ms | {paths} |");
        json.push(format!("{{ \"scale\": {scale}, \"topics\": {topics}, \"validation_ms\": {v:.3}, \"enumeration_ms\": {e:.4}, \"paths\": {paths} }}"));
    }
    std::fs::write(out, format!("[{}]\n", json.join(", "))).map_err(|e| format!("cannot write {out}: {e}"))
}
