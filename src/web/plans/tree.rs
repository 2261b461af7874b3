//! The cascade as rows for a template: a tree flattened into open/close
//! steps, so that nested `<details>` render without recursion and without
//! JavaScript.

use crate::web::filters;
use std::collections::{BTreeMap, HashMap};

use askama::Template;

use uuid::Uuid;

use crate::domain::money::Rupiah;
use crate::store::plans::items::Item;

pub struct Node {
    pub item: Item,
    pub depth: usize,
    pub has_children: bool,
    pub child_count: usize,
    pub indicator_count: usize,
    /// Pagu of the plan's years, formatted; empty when the level has none.
    pub pagu: Vec<(i32, String)>,
}

pub enum Row {
    Open(Box<Node>),
    /// Closes the children list of the last open node with children.
    Close,
}

pub fn build(
    items: Vec<Item>,
    pagu: &BTreeMap<Uuid, BTreeMap<i32, Rupiah>>,
    indicator_counts: &HashMap<Uuid, usize>,
    years: &[i32],
) -> Vec<Row> {
    let mut children = by_parent(items);
    let mut rows = Vec::new();
    // Depth-first with an explicit stack: (item, depth) or a close marker.
    enum Step {
        Visit(Box<Item>, usize),
        Close,
    }
    let mut stack: Vec<Step> = children
        .remove(&None)
        .unwrap_or_default()
        .into_iter()
        .rev()
        .map(|i| Step::Visit(Box::new(i), 0))
        .collect();
    while let Some(step) = stack.pop() {
        match step {
            Step::Close => rows.push(Row::Close),
            Step::Visit(item, depth) => {
                let kids = children.remove(&Some(item.id)).unwrap_or_default();
                let pagu_rows = pagu_of(&item, pagu, years);
                let has_children = !kids.is_empty();
                let child_count = kids.len();
                let count = indicator_counts.get(&item.id).copied().unwrap_or(0);
                rows.push(Row::Open(Box::new(Node {
                    item: *item,
                    depth,
                    has_children,
                    child_count,
                    indicator_count: count,
                    pagu: pagu_rows,
                })));
                if has_children {
                    stack.push(Step::Close);
                    for k in kids.into_iter().rev() {
                        stack.push(Step::Visit(Box::new(k), depth + 1));
                    }
                }
            }
        }
    }
    rows
}

/// The items grouped under their parents (`None`: the roots), in their order.
fn by_parent(items: Vec<Item>) -> HashMap<Option<Uuid>, Vec<Item>> {
    let mut children: HashMap<Option<Uuid>, Vec<Item>> = HashMap::new();
    for item in items {
        children.entry(item.parent_id).or_default().push(item);
    }
    children
}

/// An item's pagu per year as the tree shows it; empty when its level has none.
fn pagu_of(
    item: &Item,
    pagu: &BTreeMap<Uuid, BTreeMap<i32, Rupiah>>,
    years: &[i32],
) -> Vec<(i32, String)> {
    let amounts = pagu.get(&item.id);
    if item.level.has_pagu() {
        years
            .iter()
            .map(|y| {
                let v = amounts.and_then(|a| a.get(y)).map(|d| d.shown());
                (*y, v.unwrap_or_else(|| "–".into()))
            })
            .collect()
    } else {
        Vec::new()
    }
}

/// The tree's markup: the same for every reader of the plan, so kept per
/// plan and data version (`state::TreeCache`) and not rendered again until
/// the data changes (a 3,000 sub kegiatan RKPD is ~2 MB of it).
#[derive(Template)]
#[template(path = "plans/tree.html")]
struct Fragment<'a> {
    rows: &'a [Row],
}

/// The rendered tree of a plan.
pub fn render(rows: &[Row]) -> crate::state::Markup {
    crate::state::Markup {
        html: Fragment { rows }.render().unwrap_or_default(),
        empty: rows.is_empty(),
    }
}
