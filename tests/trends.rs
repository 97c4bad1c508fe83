//! The follow-up trend chart (`ui::trends`): its pure geometry, and the SVG and hidden
//! table it renders. Run with `cargo test --features ssr --test trends`.

use calciphylaxis::core::Lang;
use calciphylaxis::ui::trends::{
    coord, day_number, layout, scale, trend_chart, TrendChartProps, PLOT_BOTTOM, PLOT_LEFT,
    PLOT_RIGHT, PLOT_TOP,
};
use yew::ServerRenderer;

fn series() -> Vec<(String, f64)> {
    vec![
        ("2024-01-01".into(), 90.0),
        ("2024-01-11".into(), 120.0),
        ("2024-01-31".into(), 180.0),
    ]
}

/// The chart, a render function, as a component of its own for the renderer.
#[yew::component]
fn TrendChart(props: &TrendChartProps) -> yew::Html {
    trend_chart(props)
}

async fn render(props: impl FnOnce() -> TrendChartProps + Send + 'static) -> String {
    ServerRenderer::<TrendChart>::with_props(props)
        .hydratable(false)
        .render()
        .await
}

/// The opening tag of the element with this class.
fn tag<'a>(html: &'a str, class: &str) -> &'a str {
    let at = html
        .find(&format!(r#"class="{class}""#))
        .unwrap_or_else(|| panic!("no {class}: {html}"));
    let start = html[..at].rfind('<').unwrap();
    let end = at + html[at..].find('>').unwrap();
    &html[start..=end]
}

fn props() -> TrendChartProps {
    TrendChartProps {
        series: series(),
        reference: Some((Some(150.0), Some(400.0))),
        treatment_start: Some("2024-01-11".into()),
        title: "Platelet count".into(),
        unit: "10^3/µL".into(),
        lang: Lang::En,
    }
}

#[test]
fn scale_is_linear_and_a_flat_domain_maps_to_the_middle() {
    assert_eq!(scale(0.0, (0.0, 10.0), (100.0, 200.0)), 100.0);
    assert_eq!(scale(10.0, (0.0, 10.0), (100.0, 200.0)), 200.0);
    assert_eq!(scale(2.5, (0.0, 10.0), (100.0, 200.0)), 125.0);
    // Inverted range (SVG y grows downwards).
    assert_eq!(scale(2.5, (0.0, 10.0), (200.0, 100.0)), 175.0);
    assert_eq!(scale(7.0, (7.0, 7.0), (0.0, 50.0)), 25.0);
    assert_eq!(day_number("1900-01-01"), Some(0.0));
    assert_eq!(day_number("1900-03-01"), Some(59.0));
    assert_eq!(
        day_number("2024-03-01").unwrap() - day_number("2024-02-28").unwrap(),
        2.0
    );
    assert_eq!(day_number("2024-02-30"), None);
}

#[test]
fn layout_places_points_by_date_and_value() {
    let l = layout(
        &series(),
        Some((Some(150.0), Some(400.0))),
        Some("2024-01-11"),
    );
    // y spans 90 … 400 (values and limits), padded by 5 % of 310 = 15.5.
    assert_eq!(l.y_domain, (74.5, 415.5));
    let y = |v: f64| PLOT_BOTTOM + (v - 74.5) / 341.0 * (PLOT_TOP - PLOT_BOTTOM);
    let width = PLOT_RIGHT - PLOT_LEFT;
    // Days 0, 10 and 30 of a 30-day span.
    let expected = [
        (PLOT_LEFT, y(90.0)),
        (PLOT_LEFT + width / 3.0, y(120.0)),
        (PLOT_RIGHT, y(180.0)),
    ];
    assert_eq!(l.points.len(), 3);
    for ((x, yy), (ex, ey)) in l.points.iter().zip(expected) {
        assert!(
            (x - ex).abs() < 1e-9 && (yy - ey).abs() < 1e-9,
            "{x},{yy} vs {ex},{ey}"
        );
    }
    assert_eq!(l.band, Some((y(400.0), y(150.0))));
    assert!((l.treatment_x.unwrap() - (PLOT_LEFT + width / 3.0)).abs() < 1e-9);
    // An upper limit only: the band reaches the bottom of the plot. A treatment outside the
    // dates shown is not drawn. NaN is left out.
    let mut with_nan = series();
    with_nan.push(("2024-02-10".into(), f64::NAN));
    let l = layout(&with_nan, Some((None, Some(100.0))), Some("2023-12-01"));
    assert_eq!(l.points.len(), 3);
    assert_eq!(l.band.unwrap().1, PLOT_BOTTOM);
    assert_eq!(l.treatment_x, None);
    // One value: in the middle, never NaN.
    let l = layout(&series()[..1], None, None);
    assert_eq!(l.points[0].0, (PLOT_LEFT + PLOT_RIGHT) / 2.0);
    assert!(l.points[0].1.is_finite());
}

#[tokio::test]
async fn chart_has_points_band_treatment_line_and_accessible_table() {
    let html = render(props).await;
    let l = layout(
        &series(),
        Some((Some(150.0), Some(400.0))),
        Some("2024-01-11"),
    );
    assert_eq!(html.matches("<circle").count(), 3, "{html}");
    for (x, y) in &l.points {
        let point = format!(r#"cx="{}" cy="{}""#, coord(*x), coord(*y));
        assert!(html.contains(&point), "missing {point}: {html}");
    }
    assert!(html.contains(r#"class="trend-line""#));
    let (top, bottom) = l.band.unwrap();
    let band = tag(&html, "trend-band");
    assert!(band.starts_with("<rect "), "{band}");
    for attribute in [
        format!(r#"x="{}""#, coord(PLOT_LEFT)),
        format!(r#"y="{}""#, coord(top)),
        format!(r#"height="{}""#, coord(bottom - top)),
    ] {
        assert!(band.contains(&attribute), "{attribute} in {band}");
    }
    let tx = coord(l.treatment_x.unwrap());
    let treatment = tag(&html, "trend-treatment");
    assert!(
        treatment.starts_with("<line ")
            && treatment.contains(&format!(r#"x1="{tx}""#))
            && treatment.contains(&format!(r#"x2="{tx}""#)),
        "{treatment}"
    );
    // Accessible alternative.
    assert!(html.contains(r#"role="img""#));
    assert!(html.contains(
        r#"aria-label="Platelet count: 3 values, 90 10^3/µL on 2024-01-01 to 180 10^3/µL on 2024-01-31; reference range 150–400 10^3/µL; MSC treatment from 2024-01-11""#
    ), "{html}");
    let table = &html[html.find(r#"<table class="visually-hidden">"#).unwrap()..];
    for (date, value) in [
        ("2024-01-01", "90"),
        ("2024-01-11", "120"),
        ("2024-01-31", "180"),
    ] {
        assert!(
            table.contains(date) && table.contains(&format!("<td>{value}</td>")),
            "{table}"
        );
    }
    assert!(table.contains("(MSC start)"));
    // The CSP forbids inline styles.
    assert!(!html.contains("style="), "{html}");
}

#[tokio::test]
async fn chart_without_reference_or_treatment_and_in_chinese() {
    let html = render(|| {
        let mut p = props();
        p.reference = None;
        p.treatment_start = None;
        p.lang = Lang::Zh;
        p
    })
    .await;
    assert!(!html.contains("trend-band") && !html.contains("trend-treatment"));
    assert!(
        html.contains("日期") && html.contains("共 3 个数值"),
        "{html}"
    );
    let empty = render(|| TrendChartProps {
        series: vec![],
        reference: None,
        treatment_start: None,
        title: "Pain".into(),
        unit: "".into(),
        lang: Lang::En,
    })
    .await;
    assert!(empty.contains("Pain: no values") && !empty.contains("<circle"));
}
