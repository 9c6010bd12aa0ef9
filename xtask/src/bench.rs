//! `cargo xtask bench` (first part): the bytes of what ships — the single file, the hosted
//! files raw and compressed, the wasm alone — and what Project Fluent would add, measured by
//! building the same messages both ways. Prints a table and writes bench-output/bench.json.
//! Also the size budgets that `cargo xtask test` enforces: the single files', and the staff
//! embed's first visit.

use crate::setup::Tools;
use crate::{build, root, run_cmd};
use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::process::Command;

/// A budget, in bytes, from `bench/size-budget.txt` (`<key> = N`; changed deliberately, with
/// the reason in the commit).
pub fn budget(key: &str) -> Result<u64, String> {
    let text = std::fs::read_to_string(root().join("bench/size-budget.txt")).map_err(|e| format!("cannot read bench/size-budget.txt: {e}"))?;
    let prefix = format!("{key} = ");
    text.lines()
        .filter(|l| !l.trim_start().starts_with('#'))
        .find_map(|l| l.strip_prefix(prefix.as_str()).map(|v| v.trim().replace('_', "")))
        .and_then(|v| v.parse().ok())
        .ok_or_else(|| format!("bench/size-budget.txt has no `{key} = N` line"))
}

/// The single files with a budget: the staff's, and the trainer's (with the case library).
const BUDGETED: [(&str, &str); 2] = [("single_file_bytes", "dist/ethics-advisor.html"), ("trainer_single_file_bytes", "dist/trainer/ethics-advisor.html")];

/// The budget of what a first visit to the staff embed transfers, gzip -9 (see
/// [`first_visit_files`]): issue 16's target, which the bench also reports.
const EMBED_BUDGET_KEY: &str = "staff_embed_first_visit_gzip_bytes";

/// Fails when a single file, or the staff embed's first visit gzipped, is over its budget.
pub fn check_size_budget() -> Result<(), String> {
    let mut measured = Vec::new();
    for (key, file) in BUDGETED {
        measured.push((key, file.to_owned(), file_size(&root().join(file))?));
    }
    // gzip only: the bench's brotli figure is no budget's.
    let embed_gzip = first_visit_files(&root().join("dist"))?.iter().map(|path| gzip_size(path)).sum::<Result<u64, String>>()?;
    measured.push((EMBED_BUDGET_KEY, "the staff embed's first visit gzipped (dist/: boot.js, the app, the CSS, the largest pack)".to_owned(), embed_gzip));
    for (key, what, size) in measured {
        let budget = budget(key)?;
        println!("size: {what} {size} bytes, budget {budget} bytes ({:.1}% used)", size as f64 * 100.0 / budget as f64);
        if size > budget {
            return Err(format!("{what} is {size} bytes, over its budget of {budget} (bench/size-budget.txt, {key})"));
        }
    }
    Ok(())
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

/// Raw, gzip -9 and brotli bytes (brotli if the tool is there) of the four files of an embed
/// that a first visit loads. The app and the pack travel deflated already, so a server that
/// compresses them anyway gains nothing, and one that compresses nothing sends about as much.
fn embed_transfer(folder: &Path) -> Result<(u64, u64, Option<u64>), String> {
    let (mut raw, mut gz, mut br) = (0, 0, Some(0));
    for path in first_visit_files(folder)? {
        raw += file_size(&path)?;
        gz += gzip_size(&path)?;
        br = br.zip(brotli_size(&path)).map(|(a, b)| a + b);
    }
    Ok((raw, gz, br))
}

/// The four files of an embed that a first visit loads: `boot.js`, the app, the largest
/// language's pack and the stylesheet.
fn first_visit_files(folder: &Path) -> Result<Vec<PathBuf>, String> {
    Ok(["boot.js", ethics_engine::shipped::APP_FILE, largest_language_pack(folder)?.as_str(), "ethics-advisor.css"].iter().map(|name| folder.join(name)).collect())
}

/// The embed's `pack.<language>.bin` that is largest gzipped: a first visit loads one, and the
/// target holds for the costliest.
fn largest_language_pack(folder: &Path) -> Result<String, String> {
    let entries = std::fs::read_dir(folder).map_err(|e| format!("cannot read {}: {e}", folder.display()))?;
    let mut packs = Vec::new();
    for name in entries.filter_map(|e| e.ok()?.file_name().into_string().ok()).filter(|n| n.starts_with("pack.") && n.ends_with(".bin")) {
        packs.push((gzip_size(&folder.join(&name))?, name));
    }
    packs.into_iter().max().map(|(_, name)| name).ok_or_else(|| format!("{} has no pack.<language>.bin", folder.display()))
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

/// The build script's output of the newest app build: the rule pack (which the page gives the
/// app) and the case library (embedded in the trainer wasm).
fn embedded_data_sizes() -> Result<(u64, u64), String> {
    let build = root().join("target/wasm32-unknown-unknown/release/build");
    let newest = std::fs::read_dir(&build)
        .map_err(|e| format!("cannot read {}: {e}", build.display()))?
        .filter_map(|e| e.ok().map(|e| e.path().join("out")))
        .filter(|out| out.join("pack.bin").is_file())
        .max_by_key(|out| std::fs::metadata(out.join("pack.bin")).and_then(|m| m.modified()).ok())
        .ok_or("no pack.bin under target/: the release build did not run the build script")?;
    Ok((file_size(&newest.join("pack.bin"))?, file_size(&newest.join("cases.bin"))?))
}

/// The staff embed's wasm (the one the hosted budget is about), its biggest items by twiggy,
/// from an optimized build that keeps function names (`wasm-opt -Oz -g`: the code as shipped,
/// plus a names section).
fn twiggy_top(tools: &Tools, count: usize) -> Result<Vec<(String, u64)>, String> {
    let folder = build::Variant::Staff.bindgen_dir(build::Profile::Release);
    let named = folder.join("ethics_advisor_named.wasm");
    run_cmd(Command::new(&tools.wasm_opt).args(["-Oz", "-g"]).arg(folder.join("ethics_advisor_bg.wasm")).arg("-o").arg(&named))?;
    let out = Command::new("twiggy").args(["top", "-n", &(count + 1).to_string(), "--format", "csv"]).arg(&named).output().map_err(|e| format!("cannot run twiggy: {e}"))?;
    if !out.status.success() {
        return Err(format!("twiggy failed: {}", String::from_utf8_lossy(&out.stderr)));
    }
    // The names section is twiggy's own view, not shipped: leave it out.
    Ok(String::from_utf8_lossy(&out.stdout)
        .lines()
        .skip(1)
        .filter_map(csv_name_and_size)
        .filter(|(name, _)| !name.contains("function names"))
        .take(count)
        .map(|(name, size)| (readable_symbol(&name), size))
        .collect())
}

/// A symbol without its hashes: `core[c5930c85a12de822]::fmt::write::h1a2b…` → `core::fmt::write`.
fn readable_symbol(name: &str) -> String {
    let is_hash = |s: &str| s.len() == 16 && s.bytes().all(|b| b.is_ascii_hexdigit());
    let mut out = String::new();
    let mut rest = name;
    while let Some(open) = rest.find('[') {
        let close = rest[open..].find(']').map(|c| open + c);
        out.push_str(&rest[..open]);
        match close {
            Some(close) if is_hash(&rest[open + 1..close]) => rest = &rest[close + 1..],
            _ => {
                out.push('[');
                rest = &rest[open + 1..];
            }
        }
    }
    out.push_str(rest);
    match out.rsplit_once("::h") {
        Some((head, hash)) if is_hash(hash) => head.to_owned(),
        _ => out,
    }
}

/// The first two fields of a CSV line: a name (maybe quoted, with `""` for a quote) and a number.
fn csv_name_and_size(line: &str) -> Option<(String, u64)> {
    let (name, rest) = match line.strip_prefix('"') {
        Some(quoted) => {
            let mut name = String::new();
            let mut chars = quoted.char_indices().peekable();
            loop {
                let (at, c) = chars.next()?;
                match (c, chars.peek()) {
                    ('"', Some((_, '"'))) => {
                        name.push('"');
                        chars.next();
                    }
                    ('"', _) => break (name, quoted[at + 1..].strip_prefix(',')?),
                    (c, _) => name.push(c),
                }
            }
        }
        None => line.split_once(',').map(|(n, r)| (n.to_owned(), r))?,
    };
    Some((name, rest.split(',').next()?.parse().ok()?))
}

/// A number in the JSON the browser script writes, by its path (`startup_ms`, `ours`).
fn json_number(json: &Value, path: &[&str]) -> Result<f64, String> {
    path.iter().try_fold(json, |at, key| at.get(key)).and_then(Value::as_f64).ok_or_else(|| format!("the browser timings have no number {}", path.join(".")))
}

/// Runs in the browser script the peer page and our single file, alternately, from file://.
fn browser_timings(single: &Path, peer: &Path, journey: &Path, runs: usize) -> Result<String, String> {
    let script = root().join("bench/browser-timings.mjs");
    println!("bench: start-up and interaction, {runs} runs each, alternating, headless Chromium from file:// …");
    let out = Command::new("node").arg(&script).arg(single).arg(peer).arg(journey).arg(runs.to_string()).output().map_err(|e| format!("cannot run node: {e}"))?;
    if !out.status.success() {
        return Err(format!("bench/browser-timings.mjs failed: {}", String::from_utf8_lossy(&out.stderr)));
    }
    String::from_utf8(out.stdout).map_err(|e| format!("bench/browser-timings.mjs wrote no text: {e}"))
}

/// The start-up of single-file pages against each other (`bench --compare`), to try a change
/// before the whole bench: `bench/startup-compare.mjs` prints its tables.
pub fn compare(pages: &[PathBuf], runs: usize, trace: bool) -> Result<(), String> {
    crate::setup::ensure_all()?;
    for page in pages {
        if !page.is_file() {
            return Err(format!("bench --compare: no page at {}", page.display()));
        }
    }
    println!("bench: start-up of {} page(s), {runs} runs each, alternating, headless Chromium from file:// …", pages.len());
    let mut node = Command::new("node");
    node.arg(root().join("bench/startup-compare.mjs")).arg(runs.to_string());
    if trace {
        node.arg("--trace");
    }
    run_cmd(node.args(pages))
}

/// A target of the benchmark: what is measured, the value, and the most it may be.
struct Target {
    name: &'static str,
    value: f64,
    limit: f64,
}

impl Target {
    fn met(&self) -> bool {
        self.value <= self.limit
    }
}

pub fn run(runs: usize) -> Result<(), String> {
    let tools = crate::setup::ensure_bench_tools()?;
    let dist = build::hosted(&tools)?;
    let out = root().join("bench-output");
    std::fs::create_dir_all(&out).map_err(|e| format!("cannot create bench-output/: {e}"))?;

    // The peer: the gifts questionnaire as one SurveyJS page, and the journey both are timed on.
    let (peer, journey) = crate::peer::write(&out)?;

    let single = dist.join("ethics-advisor.html");
    // What an intranet page that embeds the advisor transfers: the staff embed (the target)
    // and, for a training page, the trainer embed.
    let (raw, gz, br) = embed_transfer(&dist)?;
    let (trainer_raw, trainer_gz, _) = embed_transfer(&dist.join("trainer"))?;
    let wasm = build::optimized_wasm(build::Variant::Staff);
    let trainer_wasm_bytes = file_size(&build::optimized_wasm(build::Variant::Full))?;
    let (pack_bytes, cases_bytes) = embedded_data_sizes()?;
    let [(plain, plain_gz), (fluent, fluent_gz)] = fluent_probe(&tools)?;
    let (single_bytes, peer_bytes, wasm_bytes) = (file_size(&single)?, file_size(&peer)?, file_size(&wasm)?);
    let trainer_single = dist.join("trainer/ethics-advisor.html");
    let trainer_single_bytes = file_size(&trainer_single)?;
    let mut bytes = vec![
        ("single_file_bytes", single_bytes),
        ("single_file_gzip_bytes", gzip_size(&single)?),
        ("trainer_single_file_bytes", trainer_single_bytes),
        ("peer_single_file_bytes", peer_bytes),
        ("peer_single_file_gzip_bytes", gzip_size(&peer)?),
        ("hosted_bytes", raw),
        ("hosted_gzip_bytes", gz),
        ("hosted_trainer_bytes", trainer_raw),
        ("hosted_trainer_gzip_bytes", trainer_gz),
        ("wasm_bytes", wasm_bytes),
        ("wasm_gzip_bytes", gzip_size(&wasm)?),
        ("trainer_wasm_bytes", trainer_wasm_bytes),
        ("rule_pack_bytes", pack_bytes),
        ("wasm_case_library_bytes", cases_bytes),
        ("fluent_cost_wasm_bytes", fluent.saturating_sub(plain)),
        ("fluent_cost_wasm_gzip_bytes", fluent_gz.saturating_sub(plain_gz)),
        ("single_file_budget_bytes", budget("single_file_bytes")?),
        ("trainer_single_file_budget_bytes", budget("trainer_single_file_bytes")?),
    ];
    if let Some(br) = br {
        bytes.insert(7, ("hosted_brotli_bytes", br));
    }
    let top = twiggy_top(&tools, 15)?;
    let timings = browser_timings(&single, &peer, &journey, runs)?;
    // The engine is timed optimized, as it runs in the app: a release build of this tool.
    let scaling_json = root().join("target/engine-scaling.json");
    run_cmd(Command::new("cargo").args(["run", "--quiet", "--release", "--package", "xtask", "--", "engine-scaling"]).arg(&scaling_json))?;
    let scaling = std::fs::read_to_string(&scaling_json).map_err(|e| format!("cannot read {}: {e}", scaling_json.display()))?;
    let scaling: Value = serde_json::from_str(&scaling).map_err(|e| format!("{}: {e}", scaling_json.display()))?;
    let timings: Value = serde_json::from_str(&timings).map_err(|e| format!("the browser timings are not JSON: {e}"))?;

    println!("\n| bytes | |\n|---|---:|");
    for (name, value) in &bytes {
        println!("| {name} | {value} |");
    }
    if br.is_none() {
        println!("| hosted_brotli_bytes | (no brotli tool installed) |");
    }
    let rule_share = cases_bytes as f64 / trainer_wasm_bytes as f64;
    let first_pack = largest_language_pack(&dist)?;
    println!("| the staff embed's first visit counts {first_pack}, gzip -9 | {} |", gzip_size(&dist.join(&first_pack))?);
    println!("| case library, share of the trainer wasm | {:.1}% |", rule_share * 100.0);
    let single_ratio = single_bytes as f64 / peer_bytes as f64;
    println!("| single file for staff / SurveyJS single file | {single_ratio:.3} |");
    println!("| single file for trainers (the case library in) / SurveyJS single file | {:.3} |", trainer_single_bytes as f64 / peer_bytes as f64);
    let (startup_ours, startup_peer, startup_ratio) = (json_number(&timings, &["startup_ms", "ours"])?, json_number(&timings, &["startup_ms", "peer"])?, json_number(&timings, &["startup_ratio"])?);
    let (interaction_ours, interaction_peer) = (json_number(&timings, &["interaction_ms", "ours"])?, json_number(&timings, &["interaction_ms", "peer"])?);
    let (slow_ours, slow_peer, slow_ratio) = (json_number(&timings, &["startup_slow_cpu_ms", "ours"])?, json_number(&timings, &["startup_slow_cpu_ms", "peer"])?, json_number(&timings, &["startup_slow_cpu_ratio"])?);
    println!("\n| time (median, file://, headless Chromium) | ours | SurveyJS | ratio |\n|---|---:|---:|---:|");
    println!("| start-up: navigation → first choice painted ({runs} runs each) | {startup_ours:.1} ms | {startup_peer:.1} ms | {startup_ratio:.3} |");
    println!("| start-up with the CPU slowed 4× (CDP Emulation.setCPUThrottlingRate) | {slow_ours:.1} ms | {slow_peer:.1} ms | {slow_ratio:.3} |");
    for (race, what) in [("marked_ms", "navigation → first question in the DOM (the pages' marks)"), ("marked_slow_cpu_ms", "the same, the CPU slowed 4×")] {
        let (ours, peer) = (json_number(&timings, &[race, "ours"])?, json_number(&timings, &[race, "peer"])?);
        println!("| {what} | {ours:.1} ms | {peer:.1} ms | {:.3} |", ours / peer);
    }
    println!("| interaction: Continue → next question rendered | {interaction_ours:.1} ms | {interaction_peer:.1} ms | {:.3} |", interaction_ours / interaction_peer);
    println!("\n| our start-up, navigation → end of each phase (median) | unslowed | CPU slowed 4× |\n|---|---:|---:|");
    for (phase, what) in [("script", "the page parsed, its script started"), ("wasm", "the wasm decoded, inflated and compiled"), ("pack", "the pack inflated"), ("started", "the pack read, the app started"), ("question", "the first question in the DOM (its mark)")] {
        let at = |race: &str| json_number(&timings, &["phases_ms", race, phase]);
        println!("| {what} | {:.1} ms | {:.1} ms |", at("normal")?, at("slow_cpu")?);
    }
    println!("| the first choice painted (the start-up above) | {startup_ours:.1} ms | {slow_ours:.1} ms |");
    println!("\n| twiggy: biggest items of the staff embed's wasm | bytes |\n|---|---:|");
    for (name, size) in &top {
        println!("| {} | {size} |", name.replace('|', "\\\\|"));
    }

    let targets = [
        Target { name: "single file (staff) / SurveyJS single file ≤ 0.12", value: single_ratio, limit: 0.12 },
        Target { name: "hosted transfer (staff embed), gzip -9, bytes ≤ 140,000", value: gz as f64, limit: 140_000.0 },
        Target { name: "start-up (navigation → first choice painted) / SurveyJS ≤ 0.30", value: startup_ratio, limit: 0.30 },
        Target { name: "the same with the CPU slowed 4× / SurveyJS ≤ 0.30", value: slow_ratio, limit: 0.30 },
        Target { name: "single file (staff) bytes ≤ budget", value: single_bytes as f64, limit: budget("single_file_bytes")? as f64 },
        Target { name: "single file (trainers) bytes ≤ budget", value: trainer_single_bytes as f64, limit: budget("trainer_single_file_bytes")? as f64 },
    ];
    println!("\n| target | measured | met |\n|---|---:|---|");
    for t in &targets {
        println!("| {} | {} | {} |", t.name, if t.value < 10.0 { format!("{:.3}", t.value) } else { format!("{}", t.value) }, if t.met() { "yes" } else { "NO" });
    }

    let mut json: serde_json::Map<String, Value> = bytes.iter().map(|(k, v)| (k.to_string(), json!(v))).collect();
    json.insert("staff_embed_first_visit_pack".into(), json!(first_pack));
    json.insert("case_library_share_of_trainer_wasm".into(), json!(rule_share));
    json.insert("single_file_ratio_to_peer".into(), json!(single_ratio));
    json.insert("peer".into(), json!(format!("SurveyJS survey-core and survey-js-ui {}, the gifts questionnaire generated from rules/", crate::peer::surveyjs_version()?)));
    json.insert("browser_timings".into(), timings);
    json.insert("twiggy_top".into(), top.iter().map(|(name, size)| json!({ "item": name, "bytes": size })).collect());
    json.insert("engine_scaling".into(), scaling);
    json.insert("targets".into(), targets.iter().map(|t| json!({ "target": t.name, "value": t.value, "limit": t.limit, "met": t.met() })).collect());
    let text = serde_json::to_string_pretty(&Value::Object(json)).map_err(|e| e.to_string())?;
    std::fs::write(out.join("bench.json"), text + "\n").map_err(|e| format!("cannot write bench-output/bench.json: {e}"))?;
    println!("\nbench: written to bench-output/bench.json (the SurveyJS page: bench-output/surveyjs-gifts.html)");
    let missed: Vec<&str> = targets.iter().filter(|t| !t.met()).map(|t| t.name).collect();
    if missed.is_empty() {
        Ok(())
    } else {
        Err(format!("bench: targets missed: {}", missed.join("; ")))
    }
}

/// `cargo xtask engine-scaling OUT` (run optimized by `bench`): validation and path
/// enumeration at 1×, 10× and 100× the real pack; prints a table and writes JSON to OUT.
pub fn engine_scaling(out: &Path) -> Result<(), String> {
    let pack = crate::cases::load_pack(None)?;
    let rows = crate::scaling::measure(&pack)?;
    println!("\n| pack | topics | validation (median) | path enumeration (median) | paths |\n|---|---:|---:|---:|---:|");
    let mut json = Vec::new();
    for crate::scaling::Scaled { scale, topics, validation, enumeration, paths } in &rows {
        let (v, e) = (validation.as_secs_f64() * 1e3, enumeration.as_secs_f64() * 1e3);
        println!("| {scale}× | {topics} | {v:.2} ms | {e:.3} ms | {paths} |");
        json.push(json!({ "scale": scale, "topics": topics, "validation_ms": v, "enumeration_ms": e, "paths": paths }));
    }
    std::fs::write(out, Value::Array(json).to_string() + "\n").map_err(|e| format!("cannot write {}: {e}", out.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn symbols_lose_their_hashes() {
        assert_eq!(readable_symbol("core[c5930c85a12de822]::fmt::write::h1a2b3c4d5e6f7a8b"), "core::fmt::write");
        assert_eq!(readable_symbol("data segment \".rodata[7]\""), "data segment \".rodata[7]\"");
        assert_eq!(csv_name_and_size("\"data segment \"\".rodata\"\"\",7172,1.0,,"), Some(("data segment \".rodata\"".to_owned(), 7172)));
        assert_eq!(csv_name_and_size("dlmalloc::malloc,4630,0.6,,"), Some(("dlmalloc::malloc".to_owned(), 4630)));
    }
}
