// TermCharts: to be written.
