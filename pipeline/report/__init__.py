"""The HTML report of an output folder: ``build_report(out, html_path)`` (used by ``lingflow report``)."""

from pipeline.report.build import build_report, render_html
from pipeline.inspect import NotAnOutputFolder, check_output_folder
from pipeline.report.data import load_report_data

__all__ = ["build_report", "render_html", "load_report_data", "check_output_folder", "NotAnOutputFolder"]
