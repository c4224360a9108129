//! PDF output: turns laid-out pages into PDF bytes with an embedded, subsetted font.
