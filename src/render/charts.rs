//! Charts drawn at build time as inline SVG: no JavaScript, no chart library
//! in the browser. Each chart has a `<title>`, a text summary, and its data
//! stays in an HTML table next to it. Bars are told apart by pattern and
//! label, not by colour alone.

use std::collections::HashMap;
use std::fmt::Write;

use serde::Serialize;

use crate::escape;

/// One bar: its label under the axis, the value, and how to draw it.
#[derive(Debug, Clone)]
pub struct Bar {
    pub group: String,
    pub value: f64,
    /// Printed above or below the bar.
    pub value_label: String,
    /// 0 = solid (actual, measured), 1 = hatched (budget, plan).
    pub series: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct Chart {
    pub id: String,
    /// The SVG markup; every text in it is escaped.
    pub svg: String,
    pub summary: String,
}

const WIDTH: f64 = 640.0;
const HEIGHT: f64 = 260.0;
const TOP: f64 = 64.0;
const BOTTOM: f64 = 70.0;
const LEFT: f64 = 16.0;
const RIGHT: f64 = 16.0;

/// A grouped bar chart with a zero line, an optional target line and a
/// legend for the series, in two drawings: columns for a wide screen, and
/// rows for a phone (`narrow-chart`, shown by the theme's CSS under 36rem),
/// whose text stays at least 12 CSS px on a 320 px screen.
///
/// Where every value is zero or negative (costs, as the key figures print
/// them) the bars show the amounts, growing from the axis like any other;
/// the labels keep the numbers as printed. Bars of mixed signs keep their
/// sign, on either side of the zero line.
pub fn bar_chart(
    id: &str,
    title: &str,
    summary: &str,
    bars: &[Bar],
    series_names: &[String],
    target: Option<(f64, String)>,
) -> Chart {
    // Bars by group, groups in order of first appearance: one pass, since a
    // shared metric's chart can hold a bar per organisation and period.
    let mut groups: Vec<(&str, Vec<&Bar>)> = Vec::new();
    let mut group_of: HashMap<&str, usize> = HashMap::new();
    for bar in bars {
        let g = *group_of.entry(bar.group.as_str()).or_insert_with(|| {
            groups.push((bar.group.as_str(), Vec::new()));
            groups.len() - 1
        });
        groups[g].1.push(bar);
    }
    let amounts = bars.iter().all(|b| b.value <= 0.0) && target.as_ref().is_none_or(|t| t.0 <= 0.0);
    let drawn = |v: f64| if amounts { -v } else { v };
    let values = bars
        .iter()
        .map(|b| drawn(b.value))
        .chain(target.as_ref().map(|t| drawn(t.0)));
    let (_, max, span) = extent(values);
    let plot_height = HEIGHT - TOP - BOTTOM;
    let y = |v: f64| TOP + (max - v) / span * plot_height;
    let group_width = (WIDTH - LEFT - RIGHT) / groups.len().max(1) as f64;
    let per_group = groups.iter().map(|(_, b)| b.len()).max().unwrap_or(1) as f64;
    let bar_width = (group_width * 0.7 / per_group).min(56.0);

    let mut svg = String::new();
    let title_id = format!("{id}_title");
    let desc_id = format!("{id}_desc");
    let _ = write!(
        svg,
        "<svg class=\"chart\" viewBox=\"0 0 {WIDTH} {}\" role=\"img\" aria-labelledby=\"{title_id} {desc_id}\" xmlns=\"http://www.w3.org/2000/svg\">\
<title id=\"{title_id}\">{}</title><desc id=\"{desc_id}\">{}</desc>\
<defs>{}</defs>",
        HEIGHT + 28.0,
        escape::xml(title),
        escape::xml(summary),
        patterns(id),
    );
    // Legend: a swatch and a name per series.
    for (i, name) in series_names.iter().enumerate() {
        let x = LEFT + (i % 3) as f64 * 200.0;
        let _ = write!(
            svg,
            "<rect x=\"{x}\" y=\"6\" width=\"16\" height=\"16\" {} stroke=\"#0b3a6f\" stroke-width=\"1.5\"/><text x=\"{}\" y=\"19\" class=\"chart-text\">{}</text>",
            fill(id, i),
            x + 22.0,
            escape::xml(name)
        );
    }
    let zero = y(0.0);
    for (g, (group, in_group)) in groups.iter().enumerate() {
        let group_x = LEFT + g as f64 * group_width;
        let used = in_group.len() as f64 * bar_width;
        let group_top = in_group
            .iter()
            .map(|b| y(drawn(b.value).max(0.0)))
            .fold(f64::MAX, f64::min);
        let group_bottom = in_group
            .iter()
            .map(|b| y(drawn(b.value).min(0.0)))
            .fold(f64::MIN, f64::max);
        for (k, bar) in in_group.iter().enumerate() {
            let x = group_x + (group_width - used) / 2.0 + k as f64 * bar_width;
            let value = drawn(bar.value);
            let (top, height) = if value >= 0.0 {
                (y(value), zero - y(value))
            } else {
                (zero, y(value) - zero)
            };
            // Labels of a group share a line per bar, one under the other, so
            // long numbers never overlap.
            let stagger = k as f64 * 13.0;
            let label_y = if value >= 0.0 {
                group_top - 4.0 - (in_group.len() - 1 - k) as f64 * 13.0
            } else {
                group_bottom + 12.0 + stagger
            };
            let _ = write!(
                svg,
                "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\" {} stroke=\"#0b3a6f\" stroke-width=\"1.5\"/>\
<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\" class=\"chart-value\">{}</text>",
                x + 2.0,
                top,
                bar_width - 4.0,
                height.max(1.0),
                fill(id, bar.series),
                x + bar_width / 2.0,
                label_y,
                escape::xml(&bar.value_label)
            );
        }
        let _ = write!(
            svg,
            "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\" class=\"chart-text\">{}</text>",
            group_x + group_width / 2.0,
            HEIGHT + 8.0,
            escape::xml(group)
        );
    }
    let _ = write!(
        svg,
        "<line x1=\"{LEFT}\" x2=\"{}\" y1=\"{zero:.1}\" y2=\"{zero:.1}\" stroke=\"#1b1e23\" stroke-width=\"1.5\"/>",
        WIDTH - RIGHT
    );
    if let Some((value, label)) = &target {
        let ty = y(drawn(*value));
        let _ = write!(
            svg,
            "<line x1=\"{LEFT}\" x2=\"{}\" y1=\"{ty:.1}\" y2=\"{ty:.1}\" stroke=\"#a3151c\" stroke-width=\"2\" stroke-dasharray=\"8 4\"/>\
<text x=\"{}\" y=\"{:.1}\" text-anchor=\"end\" class=\"chart-text\">{}</text>",
            WIDTH - RIGHT,
            WIDTH - RIGHT,
            ty - 6.0,
            escape::xml(label)
        );
    }
    svg.push_str("</svg>");
    let drawn_groups: Vec<(&str, Vec<(f64, &Bar)>)> = groups
        .iter()
        .map(|(g, in_group)| (*g, in_group.iter().map(|b| (drawn(b.value), *b)).collect()))
        .collect();
    let narrow_target = target
        .as_ref()
        .map(|(v, label)| (drawn(*v), label.as_str()));
    narrow_chart(
        &mut svg,
        id,
        title,
        summary,
        &drawn_groups,
        series_names,
        narrow_target,
    );
    Chart {
        id: id.to_string(),
        svg,
        summary: summary.to_string(),
    }
}

/// The lowest and highest point a chart shows (0 is always in), and the
/// span between them (1 when there is none).
fn extent(values: impl Iterator<Item = f64>) -> (f64, f64, f64) {
    let (min, max) = values.fold((0.0_f64, 0.0_f64), |(lo, hi), v| (lo.min(v), hi.max(v)));
    let span = if max - min > 0.0 { max - min } else { 1.0 };
    (min, max, span)
}

const NARROW_WIDTH: f64 = 230.0;
const NARROW_LEFT: f64 = 4.0;
/// Room right of the longest bar for its label.
const NARROW_LABEL: f64 = 96.0;
const NARROW_BAR: f64 = 18.0;
const NARROW_LINE: f64 = 20.0;

/// The phone's drawing of a bar chart: a row per bar under its group's
/// label, the value written after the bar; 14-unit text in a 230-unit wide
/// picture, which a 320 px screen shows at about its own size.
fn narrow_chart(
    svg: &mut String,
    id: &str,
    title: &str,
    summary: &str,
    groups: &[(&str, Vec<(f64, &Bar)>)],
    series_names: &[String],
    target: Option<(f64, &str)>,
) {
    let (min, _, span) = extent(
        groups
            .iter()
            .flat_map(|(_, bars)| bars.iter().map(|(v, _)| *v))
            .chain(target.map(|t| t.0)),
    );
    let plot = NARROW_WIDTH - NARROW_LEFT - NARROW_LABEL;
    let x = |v: f64| NARROW_LEFT + (v - min) / span * plot;
    let zero = x(0.0);
    let legend = series_names.len() as f64 * NARROW_LINE;
    let rows: usize = groups.iter().map(|(_, bars)| bars.len()).sum();
    let mut height =
        legend + 8.0 + groups.len() as f64 * (NARROW_LINE + 6.0) + rows as f64 * (NARROW_BAR + 6.0);
    if target.is_some() {
        height += NARROW_LINE;
    }
    let n = format!("{id}_n");
    let _ = write!(
        svg,
        "<svg class=\"narrow-chart\" viewBox=\"0 0 {NARROW_WIDTH} {height:.0}\" role=\"img\" aria-labelledby=\"{n}_title {n}_desc\" xmlns=\"http://www.w3.org/2000/svg\">\
<title id=\"{n}_title\">{}</title><desc id=\"{n}_desc\">{}</desc><defs>{}</defs>",
        escape::xml(title),
        escape::xml(summary),
        patterns(&n),
    );
    for (i, name) in series_names.iter().enumerate() {
        let top = 2.0 + i as f64 * NARROW_LINE;
        let _ = write!(
            svg,
            "<rect x=\"{NARROW_LEFT}\" y=\"{top:.1}\" width=\"14\" height=\"14\" {} stroke=\"#0b3a6f\" stroke-width=\"1.5\"/><text x=\"{:.1}\" y=\"{:.1}\" class=\"chart-text\">{}</text>",
            fill(&n, i),
            NARROW_LEFT + 20.0,
            top + 12.0,
            escape::xml(name)
        );
    }
    let mut top = legend + 8.0;
    let plot_top = top;
    for (group, bars) in groups {
        let _ = write!(
            svg,
            "<text x=\"{NARROW_LEFT}\" y=\"{:.1}\" class=\"chart-text\">{}</text>",
            top + 15.0,
            escape::xml(group)
        );
        top += NARROW_LINE + 6.0;
        for (value, bar) in bars {
            let (left, width) = if *value >= 0.0 {
                (zero, x(*value) - zero)
            } else {
                (x(*value), zero - x(*value))
            };
            let _ = write!(
                svg,
                "<rect x=\"{left:.1}\" y=\"{top:.1}\" width=\"{:.1}\" height=\"{NARROW_BAR}\" {} stroke=\"#0b3a6f\" stroke-width=\"1.5\"/>\
<text x=\"{:.1}\" y=\"{:.1}\" class=\"chart-value\">{}</text>",
                width.max(1.0),
                fill(&n, bar.series),
                x(value.max(0.0)) + 4.0,
                top + 14.0,
                escape::xml(&bar.value_label)
            );
            top += NARROW_BAR + 6.0;
        }
    }
    let _ = write!(
        svg,
        "<line x1=\"{zero:.1}\" x2=\"{zero:.1}\" y1=\"{plot_top:.1}\" y2=\"{top:.1}\" stroke=\"#1b1e23\" stroke-width=\"1.5\"/>"
    );
    if let Some((value, label)) = target {
        let tx = x(value);
        let _ = write!(
            svg,
            "<line x1=\"{tx:.1}\" x2=\"{tx:.1}\" y1=\"{plot_top:.1}\" y2=\"{top:.1}\" stroke=\"#a3151c\" stroke-width=\"2\" stroke-dasharray=\"6 3\"/>\
<text x=\"{NARROW_LEFT}\" y=\"{:.1}\" class=\"chart-text\">{}</text>",
            top + 16.0,
            escape::xml(label)
        );
    }
    svg.push_str("</svg>");
}

/// The fill patterns of a chart, named after its id. The ids inside a chart
/// join with `_`, which content ids never contain, so no two charts' ids meet.
fn patterns(id: &str) -> String {
    format!(
        "<pattern id=\"{id}_hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">\
<rect width=\"6\" height=\"6\" fill=\"#ffffff\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#0b3a6f\" stroke-width=\"3\"/></pattern>\
<pattern id=\"{id}_dots\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\"><rect width=\"6\" height=\"6\" fill=\"#ffffff\"/><circle cx=\"3\" cy=\"3\" r=\"1.6\" fill=\"#0b3a6f\"/></pattern>\
<pattern id=\"{id}_cross\" width=\"8\" height=\"8\" patternUnits=\"userSpaceOnUse\"><rect width=\"8\" height=\"8\" fill=\"#ffffff\"/><path d=\"M0 0L8 8M8 0L0 8\" stroke=\"#0b3a6f\" stroke-width=\"1.5\"/></pattern>"
    )
}

/// Series are told apart by pattern: solid, hatched, dotted, outline,
/// cross-hatched.
fn fill(id: &str, series: usize) -> String {
    match series % 5 {
        0 => "fill=\"#0b3a6f\"".to_string(),
        1 => format!("fill=\"url(#{id}_hatch)\""),
        2 => format!("fill=\"url(#{id}_dots)\""),
        3 => "fill=\"#ffffff\"".to_string(),
        _ => format!("fill=\"url(#{id}_cross)\""),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn costs_are_drawn_as_amounts_and_mixed_signs_keep_theirs() {
        let bar = |value: f64| Bar {
            group: format!("{value}"),
            value,
            value_label: format!("{value}"),
            series: 0,
        };
        // The top of the nth rect of a drawing (0: the legend's swatch).
        let top = |svg: &str, nth: usize| -> f64 {
            // After the text before the first bar-like rect, then the legend.
            let rect = svg.split("<rect x=").skip(1).nth(nth).unwrap();
            let y: f64 = rect
                .split("y=\"")
                .nth(1)
                .unwrap()
                .split('"')
                .next()
                .unwrap()
                .parse()
                .unwrap();
            y
        };
        // The wide drawing of a chart of these values.
        let wide = |values: [f64; 2]| {
            let chart = bar_chart("c", "t", "s", &values.map(bar), &["a".into()], None);
            assert!(chart.svg.contains("<svg class=\"narrow-chart\""));
            chart
                .svg
                .split("<svg class=\"narrow-chart\"")
                .next()
                .unwrap()
                .to_string()
        };
        // Costs: the larger cost is the taller bar, drawn above the axis.
        let costs = wide([-100.0, -50.0]);
        assert!(top(&costs, 1) < top(&costs, 2), "{costs}");
        // Mixed signs: the negative bar starts at the zero line and goes down.
        let mixed = wide([-100.0, 50.0]);
        assert!(top(&mixed, 1) > top(&mixed, 2), "{mixed}");
    }

    #[test]
    fn negative_bars_hang_below_the_zero_line_and_text_is_escaped() {
        let bars = vec![
            Bar {
                group: "2024".into(),
                value: -100.0,
                value_label: "-100".into(),
                series: 0,
            },
            Bar {
                group: "2024".into(),
                value: 50.0,
                value_label: "50".into(),
                series: 1,
            },
        ];
        let chart = bar_chart(
            "c1",
            "Menot <b>",
            "Yhteenveto & muuta",
            &bars,
            &["TP".into(), "TA".into()],
            None,
        );
        assert!(chart.svg.starts_with("<svg"));
        assert!(
            chart
                .svg
                .contains("<title id=\"c1_title\">Menot &lt;b&gt;</title>")
        );
        assert!(chart.svg.contains("Yhteenveto &amp; muuta"));
        assert!(
            chart.svg.contains("url(#c1_hatch)"),
            "budget bars are hatched"
        );
        assert!(!chart.svg.contains("NaN"));
    }
}
