//! Text handling for marking: normalisation, tokens, sentences and stems.
