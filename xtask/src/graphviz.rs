//! `cargo xtask diagram --compare`: our layered layout against Graphviz `dot` (Debian's
//! graphviz) on every topic and language, counted the same way for both: edge crossings and
//! edge labels that overlap another label or a box. The result decides which layout the
//! exports use (README, "For trainers").

use crate::cases::load_pack;
use ethics_engine::diagram::{self, edge_labels, label_size, layout, EdgeLabel, Layout, NODE_HEIGHT, NODE_WIDTH};
use ethics_engine::{Pack, Topic};
use std::process::{Command, Stdio};

/// A drawing reduced to what the comparison counts: each edge as a polyline with its two
/// boxes, the boxes, and the label boxes (left, top, right, bottom), in points, y down.
#[derive(Debug, Default)]
struct Geometry {
    edges: Vec<(usize, usize, Polyline)>,
    boxes: Vec<Rect>,
    labels: Vec<Rect>,
}

type Rect = (f32, f32, f32, f32);

/// An edge's line, its points in order from the box it leaves.
type Polyline = Vec<(f32, f32)>;

/// Our layout, as drawn, with its placed labels.
fn ours(layout: &Layout, labels: &[EdgeLabel]) -> Geometry {
    let edges = layout.edges.iter().map(|e| (e.from, e.to, e.route(layout))).collect();
    let boxes = layout.nodes.iter().map(|n| (n.x, n.y, n.x + NODE_WIDTH, n.y + NODE_HEIGHT)).collect();
    let labels = labels
        .iter()
        .filter(|l| !l.lines.is_empty())
        .map(|l| {
            let (w, h) = label_size(&l.lines);
            (l.x - w / 2.0, l.y - 12.0, l.x + w / 2.0, l.y - 12.0 + h)
        })
        .collect();
    Geometry { edges, boxes, labels }
}

/// The same tree as DOT: the same boxes (size and wrapped text) and the same edge labels
/// (answers to the same box share one, as in our drawing).
fn dot_source(pack: &Pack, topic: &Topic, layout: &Layout, labels: &[EdgeLabel], lang: usize) -> String {
    let quote = |s: &str| format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""));
    // DejaVu Sans at 12 points is about 6.6 points a character, the width our layout allows a
    // label: so dot places labels of the size the comparison measures.
    let font = "fontname=\"DejaVu Sans\"";
    let mut out = format!("digraph {{\n  node [shape=box, fixedsize=true, width={}, height={}, fontsize=13, {font}];\n  edge [fontsize=12, {font}];\n", NODE_WIDTH / 72.0, NODE_HEIGHT / 72.0);
    for (i, node) in layout.nodes.iter().enumerate() {
        let lines: Vec<String> = diagram::node_drawing(pack, topic, node, lang).lines.into_iter().map(|(_, _, line)| line).collect();
        out.push_str(&format!("  n{i} [label={}];\n", quote(&lines.join("\n"))));
    }
    for (edge, label) in layout.edges.iter().zip(labels) {
        let text = label.lines.join("\n");
        out.push_str(&format!("  n{} -> n{} [label={}];\n", edge.from, edge.to, quote(&text)));
    }
    out.push_str("}\n");
    out
}

/// Runs `dot -Tplain` on DOT text.
fn dot_plain(source: &str) -> Result<String, String> {
    use std::io::Write;
    let mut child = Command::new("dot").arg("-Tplain").stdin(Stdio::piped()).stdout(Stdio::piped()).spawn().map_err(|e| format!("cannot start dot: {e}"))?;
    child.stdin.take().ok_or("dot has no stdin")?.write_all(source.as_bytes()).map_err(|e| format!("cannot write to dot: {e}"))?;
    let out = child.wait_with_output().map_err(|e| format!("dot: {e}"))?;
    if !out.status.success() {
        return Err(format!("dot failed ({})", out.status));
    }
    String::from_utf8(out.stdout).map_err(|e| format!("dot: {e}"))
}

/// Reads `dot -Tplain` output (inches, y up) into points, y down. Each edge's spline is a
/// series of cubic Béziers, sampled into a polyline.
fn parse_plain(plain: &str, labels_of: &[Vec<String>]) -> Result<Geometry, String> {
    let mut geometry = Geometry::default();
    let mut height = 0.0;
    let mut edge_index = 0;
    for words in records(plain) {
        let line = words.join(" ");
        let number = |i: usize| -> Result<f32, String> { words.get(i).and_then(|w| w.parse::<f32>().ok()).map(|v| v * 72.0).ok_or_else(|| format!("dot -Tplain: no number at {i} in {line:?}")) };
        match words.first().map(String::as_str) {
            Some("graph") => height = number(3)?,
            Some("node") => {
                let (x, y, w, h) = (number(2)?, height - number(3)?, number(4)?, number(5)?);
                geometry.boxes.push((x - w / 2.0, y - h / 2.0, x + w / 2.0, y + h / 2.0));
            }
            Some("edge") => {
                let node = |i: usize| words[i].trim_start_matches('n').parse::<usize>().map_err(|e| format!("dot -Tplain: {e} in {line:?}"));
                let (from, to) = (node(1)?, node(2)?);
                let n = words.get(3).and_then(|w| w.parse::<usize>().ok()).ok_or("dot -Tplain: an edge without points")?;
                let points: Vec<(f32, f32)> = (0..n).map(|k| Ok((number(4 + 2 * k)?, height - number(5 + 2 * k)?))).collect::<Result<_, String>>()?;
                geometry.edges.push((from, to, sample_beziers(&points)));
                let lines = labels_of.get(edge_index).cloned().unwrap_or_default();
                if !lines.is_empty() {
                    let (x, y) = (number(4 + 2 * n + 1)?, height - number(4 + 2 * n + 2)?);
                    let (w, h) = label_size(&lines);
                    geometry.labels.push((x - w / 2.0, y - h / 2.0, x + w / 2.0, y + h / 2.0));
                }
                edge_index += 1;
            }
            _ => {}
        }
    }
    Ok(geometry)
}

/// Splits `-Tplain` output into records of words: a quoted label is one word, even where it
/// runs over several lines.
fn records(plain: &str) -> Vec<Vec<String>> {
    let (mut records, mut words, mut word, mut quoted, mut escaped) = (Vec::new(), Vec::new(), String::new(), false, false);
    for c in plain.chars().chain(std::iter::once('\n')) {
        match c {
            _ if escaped => {
                word.push(c);
                escaped = false;
            }
            '\\' if quoted => escaped = true,
            '"' => quoted = !quoted,
            ' ' | '\n' if !quoted => {
                if !word.is_empty() {
                    words.push(std::mem::take(&mut word));
                }
                if c == '\n' && !words.is_empty() {
                    records.push(std::mem::take(&mut words));
                }
            }
            _ => word.push(c),
        }
    }
    records
}

/// A spline of cubic Béziers (1 + 3k control points) as a polyline of 8 steps a curve.
fn sample_beziers(points: &[(f32, f32)]) -> Vec<(f32, f32)> {
    let mut out = vec![points[0]];
    for curve in points[1..].chunks(3).filter(|c| c.len() == 3) {
        let p0 = *out.last().unwrap_or(&points[0]);
        let (p1, p2, p3) = (curve[0], curve[1], curve[2]);
        for step in 1..=8 {
            let t = step as f32 / 8.0;
            let u = 1.0 - t;
            let at = |a: f32, b: f32, c: f32, d: f32| u * u * u * a + 3.0 * u * u * t * b + 3.0 * u * t * t * c + t * t * t * d;
            out.push((at(p0.0, p1.0, p2.0, p3.0), at(p0.1, p1.1, p2.1, p3.1)));
        }
    }
    out
}

fn segments_cross(a: (f32, f32), b: (f32, f32), c: (f32, f32), d: (f32, f32)) -> bool {
    let side = |p: (f32, f32), q: (f32, f32), r: (f32, f32)| (q.0 - p.0) * (r.1 - p.1) - (q.1 - p.1) * (r.0 - p.0);
    let (d1, d2, d3, d4) = (side(c, d, a), side(c, d, b), side(a, b, c), side(a, b, d));
    d1 * d2 < 0.0 && d3 * d4 < 0.0
}

/// Pairs of edges with no box in common whose lines cross, counted once a pair.
fn crossings(g: &Geometry) -> usize {
    let mut count = 0;
    for (i, (f1, t1, p1)) in g.edges.iter().enumerate() {
        for (f2, t2, p2) in &g.edges[i + 1..] {
            if [f1, t1].iter().any(|n| *n == f2 || *n == t2) {
                continue;
            }
            let cross = p1.windows(2).any(|a| p2.windows(2).any(|b| segments_cross(a[0], a[1], b[0], b[1])));
            count += usize::from(cross);
        }
    }
    count
}

/// Labels that overlap another label or a box.
fn label_overlaps(g: &Geometry) -> usize {
    let overlap = |a: &Rect, b: &Rect| a.0 < b.2 && b.0 < a.2 && a.1 < b.3 && b.1 < a.3;
    g.labels.iter().enumerate().filter(|(i, a)| g.labels.iter().enumerate().any(|(j, b)| j != *i && overlap(a, b)) || g.boxes.iter().any(|b| overlap(a, b))).count()
}

/// `cargo xtask diagram --compare`: prints, per topic and language, crossings and label
/// overlaps of our layout and of `dot`'s, and fails if `dot` draws any topic more clearly
/// (fewer crossings plus overlaps), since the exports would then have to change.
pub fn compare() -> Result<(), String> {
    crate::setup::ensure_graphviz()?;
    let pack = load_pack(None)?;
    println!("{:<20} {:<4} {:>14} {:>14} {:>18} {:>18}", "topic", "lang", "ours: crossings", "dot: crossings", "ours: label overlaps", "dot: label overlaps");
    let (mut ours_total, mut dot_total, mut dot_wins) = (0, 0, Vec::new());
    for topic in &pack.topics {
        let layout = layout(topic);
        for (lang, code) in pack.languages.iter().enumerate() {
            let labels = edge_labels(&pack, topic, &layout, lang);
            let mine = ours(&layout, &labels);
            let plain = dot_plain(&dot_source(&pack, topic, &layout, &labels, lang))?;
            let lines: Vec<Vec<String>> = labels.into_iter().map(|l| l.lines).collect();
            let theirs = parse_plain(&plain, &lines)?;
            if theirs.edges.len() != layout.edges.len() || theirs.boxes.len() != layout.nodes.len() {
                return Err(format!("{}: dot drew {} boxes and {} edges, not {} and {}", topic.id, theirs.boxes.len(), theirs.edges.len(), layout.nodes.len(), layout.edges.len()));
            }
            let (a, b) = ((crossings(&mine), label_overlaps(&mine)), (crossings(&theirs), label_overlaps(&theirs)));
            println!("{:<20} {:<4} {:>14} {:>14} {:>18} {:>18}", topic.id.as_str(), code.as_str(), a.0, b.0, a.1, b.1);
            ours_total += a.0 + a.1;
            dot_total += b.0 + b.1;
            if b.0 + b.1 < a.0 + a.1 {
                dot_wins.push(format!("{} ({code})", topic.id));
            }
        }
    }
    println!("crossings plus label overlaps, all topics and languages: ours {ours_total}, dot {dot_total}");
    if dot_wins.is_empty() {
        println!("our layout draws every topic at least as clearly as dot: the exports keep it");
        Ok(())
    } else {
        Err(format!("dot draws more clearly: {}", dot_wins.join(", ")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_x_is_one_crossing_and_edges_sharing_a_box_are_not_counted() {
        let g = Geometry { edges: vec![(0, 1, vec![(0.0, 0.0), (10.0, 10.0)]), (2, 3, vec![(10.0, 0.0), (0.0, 10.0)]), (0, 3, vec![(0.0, 0.0), (0.0, 10.0)])], ..Geometry::default() };
        assert_eq!(crossings(&g), 1);
    }

    #[test]
    fn a_label_over_a_box_or_another_label_is_an_overlap() {
        let g = Geometry { edges: Vec::new(), boxes: vec![(0.0, 0.0, 10.0, 10.0)], labels: vec![(5.0, 5.0, 15.0, 15.0), (20.0, 20.0, 30.0, 30.0), (25.0, 25.0, 35.0, 35.0), (50.0, 50.0, 60.0, 60.0)] };
        assert_eq!(label_overlaps(&g), 3);
    }

    #[test]
    fn plain_output_is_read_in_points_with_y_down() {
        let plain = "graph 1 4 3\nnode n0 1 2.5 2 1 \"A \\\"quoted\\\"\nbox\" solid box black lightgrey\nnode n1 1 0.5 2 1 B solid box black lightgrey\nedge n0 n1 4 1 2 1 1.5 1 1 1 1 \"Yes\" 1.5 1.2 solid black\nstop\n";
        let g = parse_plain(plain, &[vec!["Yes".into()]]).unwrap();
        assert_eq!(g.boxes[0], (0.0, 0.0, 144.0, 72.0));
        assert_eq!(g.edges[0].2.first(), Some(&(72.0, 72.0)));
        assert_eq!(g.edges[0].2.last(), Some(&(72.0, 144.0)));
        let (w, h) = label_size(&["Yes".to_owned()]);
        assert_eq!(g.labels[0], (108.0 - w / 2.0, 129.6 - h / 2.0, 108.0 + w / 2.0, 129.6 + h / 2.0));
    }
}
