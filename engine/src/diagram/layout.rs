//! Where the boxes, edges and edge labels of a topic's tree go.

use crate::ids::{OutcomeId, QuestionId, RuleId};
use crate::pack::{Next, Pack, Topic};
use std::collections::BTreeMap;
use super::render::{edge_text, wrap};

/// Box size and spacing, in SVG user units.
pub const NODE_WIDTH: f32 = 220.0;
pub const NODE_HEIGHT: f32 = 96.0;
const GAP_X: f32 = 28.0;
const GAP_Y: f32 = 110.0;
const MARGIN: f32 = 20.0;
/// The width kept in a layer for an edge that passes through it to a lower layer.
const LANE_WIDTH: f32 = 20.0;

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
    /// Where the edge passes through each layer between its two boxes (the x of a lane kept
    /// free between that layer's boxes), so it never runs behind a box.
    pub lanes: Vec<f32>,
}

impl Edge {
    /// The points the edge runs through, top to bottom: out of the bottom of its box, down
    /// each lane (top and bottom of the layer), into the top of the box it leads to. Draw a
    /// curve between layers and a straight line down each lane ([`Edge::path`]).
    pub fn route(&self, layout: &Layout) -> Vec<(f32, f32)> {
        let (a, b) = (&layout.nodes[self.from], &layout.nodes[self.to]);
        let mut points = vec![(a.x + NODE_WIDTH / 2.0, a.y + NODE_HEIGHT)];
        for (i, &x) in self.lanes.iter().enumerate() {
            let top = layer_top(a.layer + 1 + i);
            points.push((x, top));
            points.push((x, top + NODE_HEIGHT));
        }
        points.push((b.x + NODE_WIDTH / 2.0, b.y));
        points
    }

    /// The SVG path data of [`Edge::route`], numbers written by `number`.
    pub fn path(&self, layout: &Layout, number: impl Fn(f32) -> String) -> String {
        let points = self.route(layout);
        let mut d = format!("M{} {}", number(points[0].0), number(points[0].1));
        for (i, pair) in points.windows(2).enumerate() {
            let ((x1, y1), (x2, y2)) = (pair[0], pair[1]);
            if i % 2 == 0 {
                let my = (y1 + y2) / 2.0;
                d.push_str(&format!(" C{} {}, {} {}, {} {}", number(x1), number(my), number(x2), number(my), number(x2), number(y2)));
            } else {
                d.push_str(&format!(" L{} {}", number(x2), number(y2)));
            }
        }
        d
    }

    /// Points along the edge where its label may sit, best first: down its last stretch
    /// from near the end (where edges fanning out have parted and edges coming in have not
    /// yet met) towards its start, then along its earlier stretches.
    fn label_spots(&self, layout: &Layout) -> Vec<(f32, f32)> {
        let points = self.route(layout);
        let curves: Vec<((f32, f32), (f32, f32))> = (0..points.len() / 2).rev().map(|k| (points[2 * k], points[2 * k + 1])).collect();
        curves
            .iter()
            .flat_map(|&((x1, y1), (x2, y2))| {
                (0..14).map(|step| 0.8 - step as f32 * 0.05).map(move |t| {
                    // The stretch is a cubic Bézier with vertical tangents at both ends.
                    let my = (y1 + y2) / 2.0;
                    let u = 1.0 - t;
                    let x = u * u * u * x1 + 3.0 * u * u * t * x1 + 3.0 * u * t * t * x2 + t * t * t * x2;
                    let y = u * u * u * y1 + 3.0 * u * u * t * my + 3.0 * u * t * t * my + t * t * t * y2;
                    (x, y)
                })
            })
            .collect()
    }
}

/// An edge's label, placed: up to two lines, centred on `x`, the first line's baseline at `y`.
#[derive(Clone, Debug, PartialEq)]
pub struct EdgeLabel {
    pub lines: Vec<String>,
    pub x: f32,
    pub y: f32,
}

/// The most lines a label has; a longer one ends in "…".
const LABEL_LINES: usize = 4;

/// Every edge's label in a language, placed so that labels do not overlap one another or a
/// box where their edges leave room (sizes from a generous average character width at the
/// drawing's label size: 12 units, 14 a line). Answers that lead from the same question to the
/// same one share a line, so they share one label, on the first of those edges; the others
/// get no lines.
pub fn edge_labels(pack: &Pack, topic: &Topic, layout: &Layout, lang: usize) -> Vec<EdgeLabel> {
    let ends = |e: &Edge| (e.from, e.to);
    let lines: Vec<Vec<String>> = layout
        .edges
        .iter()
        .enumerate()
        .map(|(i, edge)| {
            if layout.edges[..i].iter().any(|e| ends(e) == ends(edge)) {
                return Vec::new();
            }
            let together: Vec<&Edge> = layout.edges.iter().filter(|e| ends(e) == ends(edge)).collect();
            let text = together.iter().map(|e| edge_text(pack, topic, layout, e, lang)).collect::<Vec<_>>().join(" / ");
            let mut lines = wrap(&text, if together.len() > 1 { 44 } else { 26 });
            if lines.len() > LABEL_LINES {
                lines.truncate(LABEL_LINES);
                lines[LABEL_LINES - 1].push('…');
            }
            lines
        })
        .collect();
    let sizes: Vec<(f32, f32)> = lines.iter().map(|l| if l.is_empty() { (0.0, 0.0) } else { label_size(l) }).collect();
    layout
        .place_labels(&sizes)
        .into_iter()
        .zip(lines.into_iter().zip(sizes))
        .map(|((x, y), (lines, (_, h)))| EdgeLabel { lines, x, y: y - h / 2.0 + 12.0 })
        .collect()
}

/// The width and height a label of these lines takes, estimated from a generous average
/// character width at the drawing's label size (12 units, 14 a line).
pub fn label_size(lines: &[String]) -> (f32, f32) {
    (lines.iter().map(|l| l.chars().count()).max().unwrap_or(0) as f32 * 6.6 + 8.0, lines.len() as f32 * 14.0 + 2.0)
}

/// The y of the top of a layer's boxes.
fn layer_top(layer: usize) -> f32 {
    MARGIN + layer as f32 * (NODE_HEIGHT + GAP_Y)
}

/// The laid-out tree.
#[derive(Clone, Debug, PartialEq)]
pub struct Layout {
    pub nodes: Vec<Node>,
    pub edges: Vec<Edge>,
    pub width: f32,
    pub height: f32,
}

/// A rectangle as (left, top, right, bottom).
type Area = (f32, f32, f32, f32);

/// Whether two rectangles share any area: touching edges do not, so a label may sit right
/// against a box or another label.
fn overlaps(a: Area, b: Area) -> bool {
    a.0 < b.2 && b.0 < a.2 && a.1 < b.3 && b.1 < a.3
}

impl Layout {
    /// Where each edge's label goes (its centre), given each label's width and height: the
    /// first spot along its edge (or a little to one side of it) where it overlaps no label
    /// placed before it, nor a box.
    pub fn place_labels(&self, sizes: &[(f32, f32)]) -> Vec<(f32, f32)> {
        let boxes: Vec<Area> = self.nodes.iter().map(|n| (n.x, n.y, n.x + NODE_WIDTH, n.y + NODE_HEIGHT)).collect();
        let mut placed: Vec<Area> = Vec::new();
        let mut centres = Vec::new();
        for (edge, &(w, h)) in self.edges.iter().zip(sizes) {
            let area = |(x, y): (f32, f32)| (x - w / 2.0, y - h / 2.0, x + w / 2.0, y + h / 2.0);
            let clashes = |spot: (f32, f32)| placed.iter().chain(&boxes).filter(|&&other| overlaps(area(spot), other)).count();
            // On the edge first; then a little to either side of it.
            let on_edge = edge.label_spots(self);
            let spots: Vec<(f32, f32)> = [0.0f32, -40.0, 40.0, -80.0, 80.0].iter().flat_map(|dx| on_edge.iter().map(move |&(x, y)| (x + dx, y))).collect();
            // The first free spot; if none is free, the one with the fewest clashes.
            let spot = spots.iter().copied().find(|&s| clashes(s) == 0).or_else(|| spots.iter().copied().min_by_key(|&s| clashes(s))).unwrap_or_default();
            placed.push(area(spot));
            centres.push(spot);
        }
        centres
    }

    /// The box of a question.
    pub fn question(&self, id: &QuestionId) -> Option<usize> {
        self.nodes.iter().position(|n| n.kind == NodeKind::Question(id.clone()))
    }

    /// How many pairs of edge stretches between the same two layers cross (long edges
    /// count in every gap they pass).
    pub fn crossings(&self) -> usize {
        let stretches: Vec<(usize, f32, f32)> = self
            .edges
            .iter()
            .flat_map(|e| {
                let points = e.route(self);
                let first = self.nodes[e.from].layer;
                (0..points.len() / 2).map(move |k| (first + k, points[2 * k].0, points[2 * k + 1].0))
            })
            .collect();
        let mut count = 0;
        for (i, a) in stretches.iter().enumerate() {
            for b in &stretches[i + 1..] {
                if a.0 == b.0 && (a.1 - b.1) * (a.2 - b.2) < 0.0 {
                    count += 1;
                }
            }
        }
        count
    }
}

/// The order of the items in each layer (`item_layer` gives each item's layer; `links`
/// join items of adjacent layers, upper first): discovery order, then sweeps placing each
/// item at the mean position of its neighbours in the layer above (down) or below (up), then
/// neighbour swaps while they remove crossings.
fn order_rows(item_layer: &[usize], links: &[(usize, usize)], layers: usize) -> Vec<Vec<usize>> {
    let mut rows: Vec<Vec<usize>> = vec![Vec::new(); layers];
    for (item, &layer) in item_layer.iter().enumerate() {
        rows[layer].push(item);
    }
    let mut position = vec![0.0f32; item_layer.len()];
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
                    let neighbours: Vec<f32> = links
                        .iter()
                        .filter_map(|&(from, to)| if downward && to == n { Some(position[from]) } else if !downward && from == n { Some(position[to]) } else { None })
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

    // Then swap neighbours in a row while that removes crossings (the barycentre alone leaves
    // some where long edges meet).
    let crossings_at = |position: &Vec<f32>, layer: usize| -> usize {
        let near: Vec<&(usize, usize)> = links.iter().filter(|(from, _)| item_layer[*from] + 1 == layer || item_layer[*from] == layer).collect();
        let mut count = 0;
        for (i, a) in near.iter().enumerate() {
            for b in &near[i + 1..] {
                let same_gap = item_layer[a.0] == item_layer[b.0];
                if same_gap && (position[a.0] - position[b.0]) * (position[a.1] - position[b.1]) < 0.0 {
                    count += 1;
                }
            }
        }
        count
    };
    for _ in 0..4 {
        let mut improved = false;
        for l in 0..layers {
            for i in 0..rows[l].len().saturating_sub(1) {
                let before = crossings_at(&position, l);
                rows[l].swap(i, i + 1);
                index_rows(&rows, &mut position);
                if crossings_at(&position, l) < before {
                    improved = true;
                } else {
                    rows[l].swap(i, i + 1);
                    index_rows(&rows, &mut position);
                }
            }
        }
        if !improved {
            break;
        }
    }

    rows
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
            edges.push(Edge { from, to, rule: rule.id.clone(), options, lanes: Vec::new() });
        }
    }

    // Items to place in each layer: the boxes, and a lane for every edge passing through.
    // Item i < nodes.len() is box i; after that, lanes in edge order, top to bottom.
    let layers = nodes.iter().map(|n| n.layer).max().map_or(0, |l| l + 1);
    let mut item_layer: Vec<usize> = nodes.iter().map(|n| n.layer).collect();
    let mut chains: Vec<Vec<usize>> = Vec::new();
    for edge in &edges {
        let mut chain = vec![edge.from];
        for layer in nodes[edge.from].layer + 1..nodes[edge.to].layer {
            chain.push(item_layer.len());
            item_layer.push(layer);
        }
        chain.push(edge.to);
        chains.push(chain);
    }
    // Each stretch of an edge between two adjacent layers.
    let links: Vec<(usize, usize)> = chains.iter().flat_map(|c| c.windows(2).map(|w| (w[0], w[1]))).collect();
    let boxes = nodes.len();
    let width_of = |item: usize| if item < boxes { NODE_WIDTH } else { LANE_WIDTH };

    let rows = order_rows(&item_layer, &links, layers);

    // Coordinates: rows centred on the widest.
    let row_width = |row: &Vec<usize>| row.iter().map(|&i| width_of(i)).sum::<f32>() + (row.len() as f32 - 1.0).max(0.0) * GAP_X;
    let width = MARGIN * 2.0 + rows.iter().map(row_width).fold(0.0, f32::max);
    let mut centre = vec![0.0f32; item_layer.len()];
    for (l, row) in rows.iter().enumerate() {
        let mut x = (width - row_width(row)) / 2.0;
        for &item in row {
            centre[item] = x + width_of(item) / 2.0;
            if item < boxes {
                nodes[item].x = x;
                nodes[item].y = layer_top(l);
            }
            x += width_of(item) + GAP_X;
        }
    }
    for (edge, chain) in edges.iter_mut().zip(&chains) {
        edge.lanes = chain[1..chain.len() - 1].iter().map(|&item| centre[item]).collect();
    }
    let height = MARGIN * 2.0 + layers as f32 * NODE_HEIGHT + (layers as f32 - 1.0).max(0.0) * GAP_Y;
    Layout { nodes, edges, width, height }
}

#[cfg(test)]
mod tests {
    use super::{order_rows, overlaps};

    /// A small layered graph from a seed: 3 to 5 layers of 1 to 6 items, each item below the
    /// first layer linked to 1 to 3 items of the layer above (a linear congruential generator,
    /// so the same seed gives the same graph on every machine).
    fn graph(seed: u64) -> (Vec<usize>, Vec<(usize, usize)>, usize) {
        let mut state = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        let mut next = |n: u64| {
            state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            ((state >> 33) % n) as usize
        };
        let layers = 3 + next(3);
        let mut item_layer = Vec::new();
        let mut links = Vec::new();
        let mut above: Vec<usize> = Vec::new();
        for layer in 0..layers {
            let row: Vec<usize> = (0..1 + next(6)).map(|_| {
                item_layer.push(layer);
                item_layer.len() - 1
            }).collect();
            for &item in &row {
                if !above.is_empty() {
                    for _ in 0..1 + next(3) {
                        let from = above[next(above.len() as u64)];
                        if !links.contains(&(from, item)) {
                            links.push((from, item));
                        }
                    }
                }
            }
            above = row;
        }
        (item_layer, links, layers)
    }

    fn crossings(rows: &[Vec<usize>], links: &[(usize, usize)]) -> usize {
        let position = |item: usize| rows.iter().find_map(|row| row.iter().position(|&i| i == item)).unwrap() as i64;
        let mut count = 0;
        for (i, a) in links.iter().enumerate() {
            for b in &links[i + 1..] {
                let same_gap = rows.iter().any(|row| row.contains(&a.0) && row.contains(&b.0));
                if same_gap && (position(a.0) - position(b.0)) * (position(a.1) - position(b.1)) < 0 {
                    count += 1;
                }
            }
        }
        count
    }

    /// The order of 200 small graphs, against the one reviewed (`tests/diagrams/orders.txt`,
    /// one graph a line, layers split by `|`): the sweeps' direction, the barycentres and the
    /// swaps each decide some of them. `BLESS_DIAGRAMS=1` keeps a deliberate change.
    #[test]
    fn rows_are_ordered_as_reviewed() {
        let mut actual = String::new();
        for seed in 0..200 {
            let (item_layer, links, layers) = graph(seed);
            let rows = order_rows(&item_layer, &links, layers);
            let found: Vec<Vec<usize>> = (0..layers).map(|l| (0..item_layer.len()).filter(|&i| item_layer[i] == l).collect()).collect();
            assert!(crossings(&rows, &links) <= crossings(&found, &links), "seed {seed}: more crossings than in the order found");
            let line: Vec<String> = rows.iter().map(|row| row.iter().map(ToString::to_string).collect::<Vec<_>>().join(" ")).collect();
            actual.push_str(&format!("{}\n", line.join(" | ")));
        }
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/diagrams/orders.txt");
        if std::env::var_os("BLESS_DIAGRAMS").is_some() {
            std::fs::write(&path, &actual).unwrap();
        }
        assert_eq!(actual, std::fs::read_to_string(&path).unwrap());
    }

    #[test]
    fn without_links_every_row_keeps_the_order_found() {
        let item_layer = [0, 0, 0, 1, 1, 1, 1];
        assert_eq!(order_rows(&item_layer, &[], 2), [vec![0, 1, 2], vec![3, 4, 5, 6]]);
    }

    #[test]
    fn rectangles_that_only_touch_do_not_overlap() {
        let middle = (10.0, 10.0, 20.0, 20.0);
        assert!(overlaps(middle, (15.0, 15.0, 25.0, 25.0)));
        assert!(overlaps(middle, (0.0, 0.0, 30.0, 30.0)), "one around the other");
        for touching in [(20.0, 10.0, 30.0, 20.0), (0.0, 10.0, 10.0, 20.0), (10.0, 20.0, 20.0, 30.0), (10.0, 0.0, 20.0, 10.0)] {
            assert!(!overlaps(middle, touching), "{touching:?}");
        }
        assert!(!overlaps(middle, (40.0, 40.0, 50.0, 50.0)));
    }
}
