//! `--max-file-size` and `--timeout`: reading the values people write.

use std::time::Duration;

/// `5MB`, `500KB`, `2.5M`, `1048576` (bytes) as bytes; `0` (no limit) as
/// `u64::MAX`.
pub fn parse_size(text: &str) -> Result<u64, String> {
    let trimmed = text.trim();
    let split = trimmed
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(trimmed.len());
    let (number, unit) = trimmed.split_at(split);
    let scale: u64 = match unit.trim().to_ascii_uppercase().as_str() {
        "" | "B" => 1,
        "K" | "KB" | "KIB" => 1024,
        "M" | "MB" | "MIB" => 1024 * 1024,
        "G" | "GB" | "GIB" => 1024 * 1024 * 1024,
        _ => return Err(format!("unknown unit `{unit}`: use bytes, KB, MB or GB")),
    };
    let value: f64 = number
        .parse()
        .map_err(|_| format!("expected a size such as 5MB, 500KB or 0 (no limit), not `{text}`"))?;
    let bytes = value * scale as f64;
    if !bytes.is_finite() || bytes >= u64::MAX as f64 {
        return Err(format!("`{text}` is too large"));
    }
    Ok(if bytes >= 1.0 { bytes as u64 } else { u64::MAX })
}

/// Seconds (`30`, `2.5`); `0` (no limit) as `Duration::ZERO`.
pub fn parse_timeout(text: &str) -> Result<Duration, String> {
    let seconds: f64 = text
        .trim()
        .parse()
        .map_err(|_| format!("expected seconds, such as 30 or 2.5 (0: no limit), not `{text}`"))?;
    if !seconds.is_finite() || seconds < 0.0 {
        return Err(format!(
            "expected a positive number of seconds, not `{text}`"
        ));
    }
    Ok(Duration::from_secs_f64(seconds.min(1e9)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes() {
        assert_eq!(parse_size("5MB"), Ok(5 * 1024 * 1024));
        assert_eq!(parse_size("2.5m"), Ok(5 * 512 * 1024));
        assert_eq!(parse_size("500 KB"), Ok(500 * 1024));
        assert_eq!(parse_size("1048576"), Ok(1_048_576));
        assert_eq!(parse_size("0"), Ok(u64::MAX));
        assert!(parse_size("5 parsecs")
            .unwrap_err()
            .contains("unknown unit"));
        assert!(parse_size("MB").is_err());
        assert!(parse_size("1e400").is_err());
    }

    #[test]
    fn timeouts() {
        assert_eq!(parse_timeout("30"), Ok(Duration::from_secs(30)));
        assert_eq!(parse_timeout("0.5"), Ok(Duration::from_millis(500)));
        assert_eq!(parse_timeout("0"), Ok(Duration::ZERO));
        assert!(parse_timeout("-1").is_err());
        assert!(parse_timeout("soon").is_err());
        assert!(parse_timeout("inf").is_err());
    }
}
