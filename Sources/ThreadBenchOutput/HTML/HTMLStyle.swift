/// The report page's inline style sheet: readable on a laptop screen, and on paper.
enum HTMLStyle {
    static let css = """
    body{margin:0;background:#f4f4f2;color:#222;font:15px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif}
    main{max-width:1000px;margin:0 auto;padding:16px 24px;background:#fff}
    h1{font-size:1.5em;margin:.4em 0}h2{font-size:1.2em;margin:1.2em 0 .4em;border-bottom:1px solid #ddd}
    .machine{color:#555;margin:0 0 1em}
    #answer li{margin:.3em 0}
    figure.chart{margin:.5em 0}figure.chart svg{max-width:100%;height:auto}
    table.summary{border-collapse:collapse;margin:.6em 0 1.2em;font-size:.9em;font-variant-numeric:tabular-nums}
    table.summary caption{text-align:left;font-weight:600;padding:.2em 0}
    table.summary th,table.summary td{padding:.2em .6em;border-bottom:1px solid #e4e4e4;text-align:right}
    table.summary th:last-child,table.summary td:last-child{text-align:left}
    .verdict.helps{color:#1a7f37}.verdict.hurts{color:#b42318}.verdict.serialized{color:#8a5a00}
    .verdict.inconclusive{color:#666}
    ul.models{color:#444;font-size:.9em}
    @media print{body{background:#fff}main{max-width:none;padding:0}section.workload{break-before:page}
    figure.chart{break-inside:avoid}}
    """
}
