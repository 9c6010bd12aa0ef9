//! A topic's decision tree laid out for drawing: questions and outcomes as boxes in layers,
//! answers as labelled edges, computed (not hand-placed) by a layered layout — longest-path
//! layers from the first question, a lane between boxes in every layer a long edge passes,
//! then barycentre sweeps and neighbour swaps to reduce crossings (`layout`). Drawn by
//! `render`: each box's look and lines, shared with the trainer's tree in the app, and the
//! whole as SVG or as Mermaid text for slides and reviewers (`cargo xtask diagram`).

mod layout;
mod render;

pub use layout::{edge_labels, label_size, layout, Edge, EdgeLabel, Layout, Node, NodeKind, NODE_HEIGHT, NODE_WIDTH};
pub use render::{edge_text, mermaid, node_drawing, node_text, svg, wrap, NodeDrawing};
