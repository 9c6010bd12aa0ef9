//! The decision-tree layout and its SVG and Mermaid forms, on every topic of the fixture pack.

mod common;

use ethics_engine::diagram::{edge_labels, layout, mermaid, node_drawing, svg, wrap, NodeKind, NODE_HEIGHT, NODE_WIDTH};
use ethics_engine::{Next, Pack, Tone};

fn pack() -> Pack {
    common::fixture().clone()
}

#[test]
fn every_question_and_every_ending_rule_has_exactly_one_box() {
    let pack = pack();
    for topic in &pack.topics {
        let layout = layout(topic);
        for question in &topic.questions {
            let boxes = layout.nodes.iter().filter(|n| n.kind == NodeKind::Question(question.id.clone())).count();
            assert_eq!(boxes, 1, "{}/{}", topic.id, question.id);
            for rule in question.rules.iter().filter(|r| matches!(r.then, Next::Outcome(_))) {
                let outcome_boxes = layout.nodes.iter().filter(|n| matches!(&n.kind, NodeKind::Outcome { rule: r, .. } if *r == rule.id)).count();
                assert_eq!(outcome_boxes, 1, "{}/{}", topic.id, rule.id);
            }
        }
        let rules: usize = topic.questions.iter().map(|q| q.rules.len()).sum();
        assert_eq!(layout.edges.len(), rules, "one edge per rule in {}", topic.id);
    }
}

#[test]
fn edges_point_down_and_boxes_never_overlap() {
    let pack = pack();
    for topic in &pack.topics {
        let layout = layout(topic);
        for edge in &layout.edges {
            assert!(layout.nodes[edge.to].layer > layout.nodes[edge.from].layer, "{}: {}", topic.id, edge.rule);
            assert!(!edge.options.is_empty());
        }
        for (i, a) in layout.nodes.iter().enumerate() {
            assert!(a.x >= 0.0 && a.x + NODE_WIDTH <= layout.width && a.y >= 0.0 && a.y <= layout.height);
            for b in &layout.nodes[i + 1..] {
                assert!(a.layer != b.layer || (a.x - b.x).abs() >= NODE_WIDTH, "{}: boxes overlap", topic.id);
            }
        }
        assert_eq!(layout, ethics_engine::diagram::layout(topic), "deterministic");
    }
}

#[test]
fn edges_that_skip_layers_pass_between_boxes_never_behind_them() {
    let pack = pack();
    let mut long_edges = 0;
    for topic in &pack.topics {
        let layout = layout(topic);
        for edge in &layout.edges {
            let (from, to) = (&layout.nodes[edge.from], &layout.nodes[edge.to]);
            assert_eq!(edge.lanes.len(), to.layer - from.layer - 1, "{}: a lane in every layer between", edge.rule);
            long_edges += usize::from(!edge.lanes.is_empty());
            for (i, &x) in edge.lanes.iter().enumerate() {
                assert!(x > 0.0 && x < layout.width);
                for other in layout.nodes.iter().filter(|n| n.layer == from.layer + 1 + i) {
                    assert!(x < other.x || x > other.x + NODE_WIDTH, "{}/{}: its lane at x={x} runs behind a box at x={}", topic.id, edge.rule, other.x);
                }
            }
            let route = edge.route(&layout);
            assert_eq!(route.first(), Some(&(from.x + NODE_WIDTH / 2.0, from.y + NODE_HEIGHT)));
            assert_eq!(route.last(), Some(&(to.x + NODE_WIDTH / 2.0, to.y)));
            assert!(route.windows(2).all(|w| w[0].1 <= w[1].1), "{}: the route only goes down", edge.rule);
            let path = edge.path(&layout, |v| v.to_string());
            assert_eq!(path.matches(" C").count(), edge.lanes.len() + 1, "{path}");
            assert_eq!(path.matches(" L").count(), edge.lanes.len(), "{path}");
        }
    }
    assert!(long_edges > 0, "the fixture has edges that skip layers, so this test checks something");
}

#[test]
fn edge_labels_do_not_overlap_one_another_or_a_box() {
    let pack = pack();
    for topic in &pack.topics {
        let layout = layout(topic);
        for lang in 0..pack.languages.len() {
            let labels = edge_labels(&pack, topic, &layout, lang);
            assert_eq!(labels.len(), layout.edges.len());
            // The same estimate of a label's extent as the placement uses.
            let area = |l: &ethics_engine::diagram::EdgeLabel| {
                let w = l.lines.iter().map(|s| s.chars().count()).max().unwrap_or(0) as f32 * 6.6 + 8.0;
                let top = l.y - 12.0;
                (l.x - w / 2.0, top, l.x + w / 2.0, top + l.lines.len() as f32 * 14.0 + 2.0)
            };
            let overlap = |a: (f32, f32, f32, f32), b: (f32, f32, f32, f32)| a.0 < b.2 && b.0 < a.2 && a.1 < b.3 && b.1 < a.3;
            for (i, a) in labels.iter().enumerate() {
                // Answers leading from and to the same two questions share one label.
                let edge = &layout.edges[i];
                let first_of_its_line = layout.edges.iter().position(|e| (e.from, e.to) == (edge.from, edge.to)) == Some(i);
                assert_eq!(a.lines.is_empty(), !first_of_its_line, "{}: {:?}", edge.rule, a.lines);
                assert!(a.lines.len() <= 4);
                if a.lines.is_empty() {
                    continue;
                }
                let (left, top, right, bottom) = area(a);
                assert!(left >= 0.0 && right <= layout.width && top >= 0.0 && bottom <= layout.height, "{}: label {:?} leaves the drawing", topic.id, a.lines);
                for b in labels[i + 1..].iter().filter(|b| !b.lines.is_empty()) {
                    assert!(!overlap(area(a), area(b)), "{} ({}): labels {:?} and {:?} overlap", topic.id, pack.languages[lang], a.lines, b.lines);
                }
                for n in &layout.nodes {
                    assert!(!overlap(area(a), (n.x, n.y, n.x + NODE_WIDTH, n.y + NODE_HEIGHT)), "{} ({}): label {:?} covers a box", topic.id, pack.languages[lang], a.lines);
                }
            }
        }
    }
}

#[test]
fn the_barycentre_sweeps_keep_crossings_low() {
    let pack = pack();
    for topic in &pack.topics {
        let layout = layout(topic);
        let edges = layout.edges.len();
        assert!(layout.crossings() * 4 <= edges, "{}: {} crossings for {edges} edges", topic.id, layout.crossings());
    }
}

#[test]
fn svg_and_mermaid_name_every_question_in_every_language() {
    let pack = pack();
    for topic in &pack.topics {
        for lang in 0..pack.languages.len() {
            let drawing = svg(&pack, topic, lang);
            assert!(drawing.starts_with("<svg ") && drawing.trim_end().ends_with("</svg>"));
            assert_eq!(drawing.matches("<rect ").count(), layout(topic).nodes.len());
            assert!(drawing.contains("<title id=\"title\">"));
            let text = mermaid(&pack, topic, lang);
            assert!(text.contains("flowchart TD"));
            for question in &topic.questions {
                let ask = pack.render(&question.ask, lang);
                let first_line = wrap(&ask, 30).remove(0).replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;");
                assert!(drawing.contains(&first_line), "{}: {first_line}", topic.id);
                assert!(text.contains(&format!("q_{}[\"", question.id)), "{}: {}", topic.id, question.id);
            }
        }
    }
}

#[test]
fn wrapping_keeps_every_word_and_the_width() {
    let lines = wrap("Would a reasonable person who knew the facts question your impartiality?", 20);
    assert!(lines.iter().all(|l| l.chars().count() <= 20));
    assert_eq!(lines.join(" "), "Would a reasonable person who knew the facts question your impartiality?");
}

#[test]
fn an_outcome_is_drawn_in_the_tone_its_pack_gives_it() {
    let mut pack = pack();
    let topic = pack.topic(&"loans".into()).unwrap().clone();
    let node = layout(&topic).nodes.into_iter().find(|n| matches!(&n.kind, NodeKind::Outcome { outcome, .. } if outcome.as_str() == "advice")).unwrap();
    let look = node_drawing(&pack, &topic, &node, 0);
    assert_eq!((look.tone, look.fill, look.text_fill), (Some(Tone::Ask), "#1d70b8", "#ffffff"));
    assert_eq!(look.lines.iter().map(|(_, _, l)| l.as_str()).collect::<Vec<_>>(), ["Ask for advice"]);
    assert!(svg(&pack, &topic, 0).contains(r##"fill="#1d70b8" stroke="#1d70b8""##));
    assert!(mermaid(&pack, &topic, 0).contains(":::ask\n"));

    pack.outcomes.iter_mut().find(|o| o.id.as_str() == "advice").unwrap().tone = Tone::Stop;
    assert_eq!(node_drawing(&pack, &topic, &node, 0).fill, Tone::Stop.colour(), "the colour follows the pack, not the outcome's name");
    let text = mermaid(&pack, &topic, 0);
    assert!(!text.contains(":::ask\n") && text.contains("classDef stop fill:#942514"), "{text}");
}

/// A topic whose edges cross in the order its questions are found (`tests/diagrams/tangle.toml`).
fn tangle() -> Pack {
    let text = include_str!("diagrams/tangle.toml");
    ethics_engine::load::from_sources(&[("tangle.toml".into(), text.into())]).unwrap_or_else(|e| panic!("tangle.toml should load: {e:?}"))
}

#[test]
fn the_sweeps_and_swaps_untangle_what_can_be_untangled() {
    let pack = tangle();
    let layout = layout(&pack.topics[0]);
    // In the order the questions are found (one, two, three; then alpha, gamma, beta), the
    // edge from "three" back to "alpha" crosses three others; reordered, none crosses.
    assert_eq!(layout.crossings(), 0);
}

/// Every drawing of the fixture pack (and of the tangle), byte for byte, against the one a person reviewed
/// (`tests/diagrams/`, open the SVGs in a browser): the properties above say a drawing is
/// sound, this says where every box, route and label lands. After a deliberate change to the
/// layout or the drawing, look at the new drawings and keep them with `BLESS_DIAGRAMS=1`.
#[test]
fn each_drawing_matches_the_reviewed_one() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/diagrams");
    let bless = std::env::var_os("BLESS_DIAGRAMS").is_some();
    let mut differ = Vec::new();
    for pack in [pack(), tangle()] {
    for topic in &pack.topics {
        for (lang, code) in pack.languages.iter().enumerate() {
            for (extension, drawing) in [("svg", svg(&pack, topic, lang)), ("mmd", mermaid(&pack, topic, lang))] {
                let path = dir.join(format!("{}.{code}.{extension}", topic.id));
                if bless {
                    std::fs::create_dir_all(&dir).unwrap();
                    std::fs::write(&path, &drawing).unwrap();
                } else if std::fs::read_to_string(&path).ok().as_deref() != Some(drawing.as_str()) {
                    differ.push(path.display().to_string());
                }
            }
        }
    }
    }
    assert!(differ.is_empty(), "drawn differently from the reviewed drawing (or missing): {}; if the change is meant, run the test with BLESS_DIAGRAMS=1 and review the new files", differ.join(", "));
}

/// An edge that skips two layers, drawn by hand: down a lane in each layer it passes, a curve
/// between layers and a straight line down each lane.
#[test]
fn an_edge_skipping_two_layers_runs_down_a_lane_in_each() {
    use ethics_engine::diagram::{Edge, Layout, Node};
    let question = |layer: usize, x: f32| Node { kind: NodeKind::Question("q".into()), layer, x, y: 20.0 + layer as f32 * 206.0 };
    let edge = Edge { from: 0, to: 1, rule: "r".into(), options: vec![0], lanes: vec![100.0, 120.0] };
    let layout = Layout { nodes: vec![question(0, 20.0), question(3, 300.0)], edges: vec![edge.clone()], width: 600.0, height: 800.0 };
    // Box width 220, height 96; a layer starts every 96 + 110 pixels from a margin of 20.
    assert_eq!(edge.route(&layout), [(130.0, 116.0), (100.0, 226.0), (100.0, 322.0), (120.0, 432.0), (120.0, 528.0), (410.0, 638.0)]);
    assert_eq!(
        edge.path(&layout, |n| n.to_string()),
        "M130 116 C130 171, 100 171, 100 226 L100 322 C100 377, 120 377, 120 432 L120 528 C120 583, 410 583, 410 638"
    );
}

/// Answers that lead from one question to the same next one share one label (wrapped wider);
/// a label longer than four lines is cut at the fourth, which ends with "…".
#[test]
fn labels_are_shared_wrapped_and_cut() {
    let pack = ethics_engine::load::from_sources(&[(
        "labels.toml".into(),
        r#"
[pack]
languages = ["en"]
[[principle]]
id = "integrity"
name.en = "Integrity"
says.en = "Act honestly."
[[source]]
id = "rule_1"
cite.en = "Rule 1"
basis = "found"
brief = "§1"
[[outcome]]
id = "ok"
tone = "go"
title.en = "Fine"
summary.en = "Nothing to do."
[topic]
id = "demo"
title.en = "Demo"
heading.en = "Get advice on a demo"
summary.en = "A small topic."
start = "who"
[[question]]
id = "who"
ask.en = "Who offers it?"
input = "choice"
  [[question.option]]
  id = "colleague"
  label.en = "Someone who works in the same office as you"
  [[question.option]]
  id = "outsider"
  label.en = "Someone from another organization"
  [[question.option]]
  id = "four_lines"
  label.en = "A person from a government or an international body who offers it to you for the work you do"
  [[question.option]]
  id = "five_lines"
  label.en = "An official representative of a government, an intergovernmental organization or an international financial institution"
  [[question.rule]]
  id = "by_someone"
  when = ["colleague"]
  next = "cash"
  says.en = "Then its kind decides."
  principle = "integrity"
  source = "rule_1"
  [[question.rule]]
  id = "by_an_outsider"
  when = ["outsider"]
  next = "cash"
  says.en = "Then its kind decides."
  principle = "integrity"
  source = "rule_1"
  [[question.rule]]
  id = "official"
  when = ["four_lines"]
  outcome = "ok"
  says.en = "Fine."
  principle = "integrity"
  source = "rule_1"
  [[question.rule]]
  id = "official_for_others"
  when = ["five_lines"]
  outcome = "ok"
  says.en = "Fine."
  principle = "integrity"
  source = "rule_1"
[[question]]
id = "cash"
ask.en = "Is it cash?"
input = "yes_no"
  [[question.rule]]
  id = "any"
  when = ["yes", "no"]
  outcome = "ok"
  says.en = "Fine."
  principle = "integrity"
  source = "rule_1"
"#
        .into(),
    )])
    .unwrap_or_else(|e| panic!("{e:?}"));
    let topic = &pack.topics[0];
    let layout = layout(topic);
    let labels = edge_labels(&pack, topic, &layout, 0);
    let lines_of = |rule: &str| labels[layout.edges.iter().position(|e| e.rule.as_str() == rule).unwrap()].lines.clone();
    assert_eq!(lines_of("by_someone"), wrap("Someone who works in the same office as you / Someone from another organization", 44));
    assert_eq!(lines_of("by_someone").len(), 2, "shared labels wrap at 44 characters");
    assert_eq!(lines_of("by_an_outsider"), Vec::<String>::new(), "the second answer's label is on the first edge");
    assert_eq!(lines_of("official"), wrap("A person from a government or an international body who offers it to you for the work you do", 26), "four lines stay whole");
    assert_eq!(lines_of("official").len(), 4);
    let cut = lines_of("official_for_others");
    let whole = wrap("An official representative of a government, an intergovernmental organization or an international financial institution", 26);
    assert!(whole.len() > 4);
    assert_eq!(cut[..3], whole[..3]);
    assert_eq!(cut[3], format!("{}…", whole[3]));
    assert_eq!(cut.len(), 4);
}

#[test]
fn a_question_is_found_by_its_id() {
    let pack = pack();
    for topic in &pack.topics {
        let layout = layout(topic);
        for question in &topic.questions {
            let box_of = layout.question(&question.id).unwrap_or_else(|| panic!("{}: no box for {}", topic.id, question.id));
            assert_eq!(layout.nodes[box_of].kind, NodeKind::Question(question.id.clone()));
        }
        assert_eq!(layout.question(&"nowhere".into()), None);
    }
}

/// Crossings counted on layouts drawn by hand: boxes 220 wide, so a box at x has its centre at
/// x + 110; each stretch of an edge between two layers counts in its own gap.
#[test]
fn crossings_are_counted_gap_by_gap() {
    use ethics_engine::diagram::{Edge, Layout, Node};
    let at = |layer: usize, x: f32| Node { kind: NodeKind::Question("q".into()), layer, x, y: 20.0 + layer as f32 * 206.0 };
    let edge = |from: usize, to: usize, lanes: Vec<f32>| Edge { from, to, rule: "r".into(), options: vec![0], lanes };
    // Boxes: 0 and 1 on layer 0 (centres 110, 410); 2, 3 and 4 on layer 1 (110, 410, 210);
    // 5 and 6 on layer 2 (110, 410).
    let nodes = vec![at(0, 0.0), at(0, 300.0), at(1, 0.0), at(1, 300.0), at(1, 100.0), at(2, 0.0), at(2, 300.0)];
    let crossings = |edges: Vec<Edge>| Layout { nodes: nodes.clone(), edges, width: 700.0, height: 700.0 }.crossings();
    assert_eq!(crossings(vec![edge(0, 3, vec![]), edge(1, 2, vec![])]), 1, "two edges that swap sides");
    assert_eq!(crossings(vec![edge(0, 2, vec![]), edge(1, 3, vec![])]), 0, "side by side");
    assert_eq!(crossings(vec![edge(0, 2, vec![]), edge(1, 2, vec![])]), 0, "into the same box");
    assert_eq!(crossings(vec![edge(0, 4, vec![]), edge(1, 3, vec![])]), 0, "leaning, but not crossing");
    // An edge from layer 0 to layer 2 down a lane at x = 250 (110 → 250 → 110), and an edge
    // from box 2 (110) to box 6 (410): they cross in the lower gap only.
    assert_eq!(crossings(vec![edge(0, 5, vec![250.0]), edge(2, 6, vec![])]), 1, "a long edge counts in each gap it passes");
    assert_eq!(crossings(vec![edge(0, 3, vec![]), edge(1, 2, vec![]), edge(0, 5, vec![250.0]), edge(2, 6, vec![])]), 3);
}

/// Labels placed by hand-checked rules: on the edge, clear of the boxes, where nothing is yet;
/// else to one side, the left first, then further out.
#[test]
fn a_label_goes_on_its_edge_clear_of_boxes_else_to_the_left() {
    use ethics_engine::diagram::{Edge, Layout, Node};
    // Box A on layer 0 (y 20 to 116), box B right under it (y 226 to 322), two edges from A
    // to B straight down x = 110.
    let at = |layer: usize| Node { kind: NodeKind::Question("q".into()), layer, x: 0.0, y: 20.0 + layer as f32 * 206.0 };
    let edge = || Edge { from: 0, to: 1, rule: "r".into(), options: vec![0], lanes: vec![] };
    let layout = Layout { nodes: vec![at(0), at(1)], edges: vec![edge(), edge(), edge()], width: 400.0, height: 400.0 };
    // A tall label (10 × 100) fits between the boxes only near the middle of the gap; a small
    // one (30 × 10) then finds the whole edge taken, and goes 40 to the left of its first spot,
    // 80 % of the way down (y = 198.72 on the edge's curve).
    // A wide one (80 × 10) meets the tall one 40 to either side, so goes 80 to the left.
    let centres = layout.place_labels(&[(10.0, 100.0), (30.0, 10.0), (80.0, 10.0)]);
    let (tall, small, wide) = (centres[0], centres[1], centres[2]);
    assert_eq!(tall.0, 110.0);
    assert!(tall.1 - 50.0 >= 116.0 && tall.1 + 50.0 <= 226.0, "clear of both boxes: {tall:?}");
    assert_eq!(small.0, 70.0, "{small:?}");
    assert!((small.1 - 198.72).abs() < 0.01, "{small:?}");
    assert_eq!(wide.0, 30.0, "{wide:?}");
}
