//! Printers over marking results: text for people, JSON for programs, CSV for spreadsheets.
