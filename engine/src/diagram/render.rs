//! How a laid-out tree is drawn: the look and lines of each box (shared by the exported
//! SVG and the trainer's tree in the app), and the SVG and Mermaid documents.

use super::layout::{edge_labels, layout, Edge, Layout, Node, NodeKind, NODE_HEIGHT, NODE_WIDTH};
use crate::pack::{Pack, Tone, Topic};
use std::fmt::Write;

/// How one box is drawn: its tone (none for a question) and colours, and its text in
/// lines, each with the point its baseline is centred on. The exported SVG and the trainer's
/// tree in the app both draw from this.
#[derive(Clone, Debug, PartialEq)]
pub struct NodeDrawing {
    pub tone: Option<Tone>,
    pub fill: &'static str,
    pub stroke: &'static str,
    pub text_fill: &'static str,
    pub lines: Vec<(f32, f32, String)>,
}

/// The most lines of text a box holds, and their length in characters.
const NODE_LINES: usize = 5;
const NODE_LINE_CHARS: usize = 30;

/// How a box is drawn in a language: questions white, outcomes in their tone's colour.
pub fn node_drawing(pack: &Pack, topic: &Topic, node: &Node, lang: usize) -> NodeDrawing {
    let tone = match &node.kind {
        NodeKind::Question(_) => None,
        NodeKind::Outcome { outcome, .. } => pack.outcome(outcome).map(|o| o.tone),
    };
    let (fill, stroke, text_fill) = match tone {
        None => ("#ffffff", "#0b0c0c", "#0b0c0c"),
        Some(tone) => (tone.colour(), tone.colour(), "#ffffff"),
    };
    let lines = wrap(&node_text(pack, topic, node, lang), NODE_LINE_CHARS);
    let shown = lines.len().min(NODE_LINES);
    let top = node.y + NODE_HEIGHT / 2.0 - (shown as f32 - 1.0) * 8.0 + 4.0;
    let lines = lines.into_iter().take(NODE_LINES).enumerate().map(|(i, line)| (node.x + NODE_WIDTH / 2.0, top + i as f32 * 16.0, line)).collect();
    NodeDrawing { tone, fill, stroke, text_fill, lines }
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
        let _ = writeln!(out, r##"<path d="{}" fill="none" stroke="#505a5f" stroke-width="1.5"/>"##, edge.path(&layout, |v| v.to_string()));
    }
    // Labels after every edge, so no edge is drawn over a label.
    for label in edge_labels(pack, topic, &layout, lang) {
        for (i, line) in label.lines.iter().enumerate() {
            let _ = writeln!(
                out,
                r##"<text x="{}" y="{}" text-anchor="middle" font-size="12" fill="#0b0c0c" stroke="#ffffff" stroke-width="4" paint-order="stroke">{}</text>"##,
                label.x,
                label.y + i as f32 * 14.0,
                xml(line)
            );
        }
    }
    for node in &layout.nodes {
        let look = node_drawing(pack, topic, node, lang);
        let (fill, stroke, text_fill) = (look.fill, look.stroke, look.text_fill);
        let _ = writeln!(out, r#"<rect x="{}" y="{}" width="{NODE_WIDTH}" height="{NODE_HEIGHT}" rx="4" fill="{fill}" stroke="{stroke}" stroke-width="2"/>"#, node.x, node.y);
        for (x, y, line) in &look.lines {
            let _ = writeln!(out, r#"<text x="{x}" y="{y}" text-anchor="middle" fill="{text_fill}">{}</text>"#, xml(line));
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
            NodeKind::Outcome { outcome, .. } => {
                let tone = pack.outcome(outcome).map_or("ask", |o| o.tone.name());
                writeln!(out, "  {}([\"{text}\"]):::{tone}", id(i))
            }
        };
    }
    for edge in &layout.edges {
        let _ = writeln!(out, "  {} -- \"{}\" --> {}", id(edge.from), label(edge_text(pack, topic, &layout, edge, lang)), id(edge.to));
    }
    for tone in Tone::ALL {
        let _ = writeln!(out, "  classDef {} fill:{},color:#fff", tone.name(), tone.colour());
    }
    out
}
