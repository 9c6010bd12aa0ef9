//! A topic's decision tree laid out for drawing: questions and outcomes as boxes in layers,
//! answers as labelled edges, computed (not hand-placed) by a layered layout — longest-path
//! layers from the first question, then barycentre sweeps to reduce crossings. Written out
//! as SVG or as Mermaid text for slides and reviewers (`cargo xtask diagram`).

use crate::ids::{OutcomeId, QuestionId, RuleId};
use crate::pack::{Next, Pack, Topic};
use std::collections::BTreeMap;
use std::fmt::Write;

/// Box size and spacing, in SVG user units.
pub const NODE_WIDTH: f32 = 220.0;
pub const NODE_HEIGHT: f32 = 96.0;
const GAP_X: f32 = 28.0;
const GAP_Y: f32 = 84.0;
const MARGIN: f32 = 20.0;

/// What a box stands for. Every rule that ends in an outcome gets its own outcome box, so
/// the drawing reads as a tree a room can follow.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NodeKind {
    Question(QuestionId),
    Outcome { outcome: OutcomeId, rule: RuleId },
}

/// A placed box.
#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    pub kind: NodeKind,
    pub layer: usize,
    /// Top-left corner.
    pub x: f32,
    pub y: f32,
}

/// An answer leading from one box to another.
#[derive(Clone, Debug, PartialEq)]
pub struct Edge {
    pub from: usize,
    pub to: usize,
    pub rule: RuleId,
    /// The indices, in the question's options, of the answers this edge stands for.
    pub options: Vec<usize>,
}

/// The laid-out tree.
#[derive(Clone, Debug, PartialEq)]
pub struct Layout {
    pub nodes: Vec<Node>,
    pub edges: Vec<Edge>,
    pub width: f32,
    pub height: f32,
}

impl Layout {
    /// The box of a question.
    pub fn question(&self, id: &QuestionId) -> Option<usize> {
        self.nodes.iter().position(|n| n.kind == NodeKind::Question(id.clone()))
    }

    /// How many pairs of edges between the same two layers cross.
    pub fn crossings(&self) -> usize {
        let mut count = 0;
        for (i, a) in self.edges.iter().enumerate() {
            for b in &self.edges[i + 1..] {
                let (a0, a1, b0, b1) = (&self.nodes[a.from], &self.nodes[a.to], &self.nodes[b.from], &self.nodes[b.to]);
                if a0.layer == b0.layer && a1.layer == b1.layer && (a0.x - b0.x) * (a1.x - b1.x) < 0.0 {
                    count += 1;
                }
            }
        }
        count
    }
}

/// Lays out the topic's decision tree.
pub fn layout(topic: &Topic) -> Layout {
    // Layers: the longest distance from the start, so every edge points downwards.
    let mut layer_of: BTreeMap<&QuestionId, usize> = BTreeMap::new();
    let mut order: Vec<&QuestionId> = Vec::new();
    fn visit<'t>(topic: &'t Topic, at: &'t QuestionId, depth: usize, layer_of: &mut BTreeMap<&'t QuestionId, usize>, order: &mut Vec<&'t QuestionId>, path: &mut Vec<&'t QuestionId>) {
        if path.contains(&at) || layer_of.get(at).is_some_and(|&d| d >= depth) {
            return;
        }
        if !layer_of.contains_key(at) {
            order.push(at);
        }
        layer_of.insert(at, depth);
        let Some(question) = topic.question(at) else { return };
        path.push(at);
        for rule in &question.rules {
            if let Next::Question(next) = &rule.then {
                visit(topic, next, depth + 1, layer_of, order, path);
            }
        }
        path.pop();
    }
    visit(topic, &topic.start, 0, &mut layer_of, &mut order, &mut Vec::new());

    let mut nodes: Vec<Node> = order.iter().map(|q| Node { kind: NodeKind::Question((*q).clone()), layer: layer_of[q], x: 0.0, y: 0.0 }).collect();
    let mut edges = Vec::new();
    for (from, q) in order.iter().enumerate() {
        let Some(question) = topic.question(q) else { continue };
        for rule in &question.rules {
            let options: Vec<usize> = rule.when.iter().filter_map(|w| question.options.iter().position(|o| &o.id == w)).collect();
            let to = match &rule.then {
                Next::Question(next) => match order.iter().position(|o| *o == next) {
                    Some(to) => to,
                    None => continue,
                },
                Next::Outcome(outcome) => {
                    nodes.push(Node { kind: NodeKind::Outcome { outcome: outcome.clone(), rule: rule.id.clone() }, layer: nodes[from].layer + 1, x: 0.0, y: 0.0 });
                    nodes.len() - 1
                }
            };
            edges.push(Edge { from, to, rule: rule.id.clone(), options });
        }
    }

    // Order within layers: discovery order, then sweeps placing each box at the mean
    // position of its neighbours in the layer above (down) or below (up).
    let layers = nodes.iter().map(|n| n.layer).max().map_or(0, |l| l + 1);
    let mut rows: Vec<Vec<usize>> = vec![Vec::new(); layers];
    for (i, n) in nodes.iter().enumerate() {
        rows[n.layer].push(i);
    }
    let mut position = vec![0.0f32; nodes.len()];
    let index_rows = |rows: &Vec<Vec<usize>>, position: &mut Vec<f32>| {
        for row in rows {
            for (p, &n) in row.iter().enumerate() {
                position[n] = p as f32;
            }
        }
    };
    index_rows(&rows, &mut position);
    for sweep in 0..8 {
        let downward = sweep % 2 == 0;
        let range: Vec<usize> = if downward { (1..layers).collect() } else { (0..layers.saturating_sub(1)).rev().collect() };
        for l in range {
            let mut keyed: Vec<(f32, usize)> = rows[l]
                .iter()
                .map(|&n| {
                    let neighbours: Vec<f32> = edges
                        .iter()
                        .filter_map(|e| if downward && e.to == n { Some(position[e.from]) } else if !downward && e.from == n { Some(position[e.to]) } else { None })
                        .collect();
                    let key = if neighbours.is_empty() { position[n] } else { neighbours.iter().sum::<f32>() / neighbours.len() as f32 };
                    (key, n)
                })
                .collect();
            keyed.sort_by(|a, b| a.0.total_cmp(&b.0).then(position[a.1].total_cmp(&position[b.1])));
            rows[l] = keyed.into_iter().map(|(_, n)| n).collect();
            index_rows(&rows, &mut position);
        }
    }

    // Coordinates: rows centred on the widest.
    let widest = rows.iter().map(Vec::len).max().unwrap_or(1) as f32;
    let width = MARGIN * 2.0 + widest * NODE_WIDTH + (widest - 1.0).max(0.0) * GAP_X;
    for (l, row) in rows.iter().enumerate() {
        let row_width = row.len() as f32 * NODE_WIDTH + (row.len() as f32 - 1.0).max(0.0) * GAP_X;
        let left = (width - row_width) / 2.0;
        for (p, &n) in row.iter().enumerate() {
            nodes[n].x = left + p as f32 * (NODE_WIDTH + GAP_X);
            nodes[n].y = MARGIN + l as f32 * (NODE_HEIGHT + GAP_Y);
        }
    }
    let height = MARGIN * 2.0 + layers as f32 * NODE_HEIGHT + (layers as f32 - 1.0).max(0.0) * GAP_Y;
    Layout { nodes, edges, width, height }
}

/// The text of a box in a language.
pub fn node_text(pack: &Pack, topic: &Topic, node: &Node, lang: usize) -> String {
    match &node.kind {
        NodeKind::Question(q) => topic.question(q).map(|q| pack.render(&q.ask, lang)).unwrap_or_default(),
        NodeKind::Outcome { outcome, .. } => pack.outcome(outcome).map(|o| pack.render(&o.title, lang)).unwrap_or_default(),
    }
}

/// The answers an edge stands for, as the person reads them ("Yes / I do not know").
pub fn edge_text(pack: &Pack, topic: &Topic, layout: &Layout, edge: &Edge, lang: usize) -> String {
    let NodeKind::Question(q) = &layout.nodes[edge.from].kind else { return String::new() };
    let Some(question) = topic.question(q) else { return String::new() };
    edge.options.iter().filter_map(|&o| question.options.get(o)).map(|o| pack.option_label(o, lang)).collect::<Vec<_>>().join(" / ")
}

/// Splits text into lines of at most `width` characters, at spaces.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        match lines.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= width => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_owned()),
        }
    }
    lines
}

fn xml(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// The decision tree as a standalone SVG document, with a title and description for
/// assistive technology.
pub fn svg(pack: &Pack, topic: &Topic, lang: usize) -> String {
    let layout = layout(topic);
    let title = pack.render(&topic.title, lang);
    let mut out = String::new();
    let _ = writeln!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}" width="{w}" height="{h}" role="img" aria-labelledby="title desc" font-family="system-ui, sans-serif" font-size="13">"#,
        w = layout.width,
        h = layout.height
    );
    let _ = writeln!(out, "<title id=\"title\">{}</title>", xml(&title));
    let _ = writeln!(out, "<desc id=\"desc\">{} questions, {} outcomes</desc>", layout.nodes.iter().filter(|n| matches!(n.kind, NodeKind::Question(_))).count(), layout.nodes.iter().filter(|n| matches!(n.kind, NodeKind::Outcome { .. })).count());
    for edge in &layout.edges {
        let (a, b) = (&layout.nodes[edge.from], &layout.nodes[edge.to]);
        let (x1, y1, x2, y2) = (a.x + NODE_WIDTH / 2.0, a.y + NODE_HEIGHT, b.x + NODE_WIDTH / 2.0, b.y);
        let _ = writeln!(out, r##"<path d="M{x1} {y1} C{x1} {my}, {x2} {my}, {x2} {y2}" fill="none" stroke="#505a5f" stroke-width="1.5"/>"##, my = (y1 + y2) / 2.0);
        // The label sits near the end of its edge, where edges fanning out have parted and
        // edges coming in from different boxes have not yet met.
        let label = wrap(&edge_text(pack, topic, &layout, edge, lang), 26);
        let (lx, ly) = (x1 + (x2 - x1) * 0.8, y1 + (y2 - y1) * 0.7);
        for (i, line) in label.iter().take(2).enumerate() {
            let _ = writeln!(
                out,
                r##"<text x="{lx}" y="{}" text-anchor="middle" font-size="12" fill="#0b0c0c" stroke="#ffffff" stroke-width="4" paint-order="stroke">{}</text>"##,
                ly + i as f32 * 14.0,
                xml(line)
            );
        }
    }
    for node in &layout.nodes {
        let (fill, stroke, text_fill) = match &node.kind {
            NodeKind::Question(_) => ("#ffffff", "#0b0c0c", "#0b0c0c"),
            NodeKind::Outcome { outcome, .. } => match outcome.as_str() {
                "ok" | "declare" => ("#00703c", "#00703c", "#ffffff"),
                "no" | "report" => ("#942514", "#942514", "#ffffff"),
                _ => ("#1d70b8", "#1d70b8", "#ffffff"),
            },
        };
        let _ = writeln!(out, r#"<rect x="{}" y="{}" width="{NODE_WIDTH}" height="{NODE_HEIGHT}" rx="4" fill="{fill}" stroke="{stroke}" stroke-width="2"/>"#, node.x, node.y);
        let lines = wrap(&node_text(pack, topic, node, lang), 30);
        let top = node.y + NODE_HEIGHT / 2.0 - (lines.len().min(5) as f32 - 1.0) * 8.0 + 4.0;
        for (i, line) in lines.iter().take(5).enumerate() {
            let _ = writeln!(out, r#"<text x="{}" y="{}" text-anchor="middle" fill="{text_fill}">{}</text>"#, node.x + NODE_WIDTH / 2.0, top + i as f32 * 16.0, xml(line));
        }
    }
    out.push_str("</svg>\n");
    out
}

/// The decision tree as Mermaid flowchart text.
pub fn mermaid(pack: &Pack, topic: &Topic, lang: usize) -> String {
    let layout = layout(topic);
    let label = |text: String| text.replace('"', "#quot;");
    let id = |i: usize| match &layout.nodes[i].kind {
        NodeKind::Question(q) => format!("q_{q}"),
        NodeKind::Outcome { rule, .. } => format!("o_{rule}"),
    };
    let mut out = format!("%% {}\nflowchart TD\n", pack.render(&topic.title, lang));
    for (i, node) in layout.nodes.iter().enumerate() {
        let text = label(node_text(pack, topic, node, lang));
        let _ = match &node.kind {
            NodeKind::Question(_) => writeln!(out, "  {}[\"{text}\"]", id(i)),
            NodeKind::Outcome { outcome, .. } => writeln!(out, "  {}([\"{text}\"]):::{outcome}", id(i)),
        };
    }
    for edge in &layout.edges {
        let _ = writeln!(out, "  {} -- \"{}\" --> {}", id(edge.from), label(edge_text(pack, topic, &layout, edge, lang)), id(edge.to));
    }
    out.push_str("  classDef ok fill:#00703c,color:#fff\n  classDef declare fill:#00703c,color:#fff\n  classDef no fill:#942514,color:#fff\n  classDef report fill:#942514,color:#fff\n");
    out
}
