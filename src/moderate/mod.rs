//! Moderation: compare the marker's marks with a human's and report agreement.
