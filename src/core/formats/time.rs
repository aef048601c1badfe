//! Wall-clock times as result tables print them: "2026-11-26 10:05:00", Beijing time (UTC+8).

const BEIJING_OFFSET_MS: i64 = 8 * 3600 * 1000;
const DAY_MS: i64 = 86_400_000;

/// Days since 1970-01-01 of a civil date (proleptic Gregorian), after H. Hinnant's algorithm.
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The civil date of a day count since 1970-01-01.
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(month <= 2), month, day)
}

/// Reads "YYYY-MM-DD HH:MM:SS" (or "YYYY-MM-DD HH:MM", or with "/" or "T") as Beijing time,
/// returning milliseconds since the Unix epoch.
pub fn parse_beijing_time(text: &str) -> Option<i64> {
    let text = text.trim();
    let (date, time) = text.split_once([' ', 'T']).unwrap_or((text, "00:00:00"));
    let mut date_parts = date.split(['-', '/']).map(|p| p.parse::<i64>().ok());
    let (year, month, day) = (
        date_parts.next()??,
        date_parts.next()??,
        date_parts.next()??,
    );
    let mut time_parts = time.split(':').map(|p| p.parse::<i64>().ok());
    let (hour, minute) = (time_parts.next()??, time_parts.next()??);
    let second = time_parts.next().unwrap_or(Some(0))?;
    let valid = (1..=12).contains(&month)
        && (1..=31).contains(&day)
        && (0..24).contains(&hour)
        && (0..60).contains(&minute)
        && (0..60).contains(&second);
    if !valid || date_parts.next().is_some() || time_parts.next().is_some() {
        return None;
    }
    let days = days_from_civil(year, month, day);
    if civil_from_days(days) != (year, month, day) {
        return None;
    }
    Some(days * DAY_MS + ((hour * 60 + minute) * 60 + second) * 1000 - BEIJING_OFFSET_MS)
}

/// Prints milliseconds since the Unix epoch as "YYYY-MM-DD HH:MM:SS" in Beijing time.
pub fn format_beijing_time(ms: i64) -> String {
    let local = ms + BEIJING_OFFSET_MS;
    let (days, in_day) = (local.div_euclid(DAY_MS), local.rem_euclid(DAY_MS) / 1000);
    let (year, month, day) = civil_from_days(days);
    let (hour, minute, second) = (in_day / 3600, in_day / 60 % 60, in_day % 60);
    format!("{year:04}-{month:02}-{day:02} {hour:02}:{minute:02}:{second:02}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn beijing_times_round_trip() {
        let ms = parse_beijing_time("2026-11-26 10:05:09").unwrap();
        assert_eq!(ms, 1_795_658_709_000, "02:05:09 UTC");
        assert_eq!(format_beijing_time(ms), "2026-11-26 10:05:09");
        assert_eq!(format_beijing_time(0), "1970-01-01 08:00:00");
        assert_eq!(
            parse_beijing_time("2024/2/29 8:00"),
            parse_beijing_time("2024-02-29 08:00:00")
        );
    }

    #[test]
    fn impossible_dates_are_refused() {
        assert_eq!(parse_beijing_time("2026-02-29 10:00:00"), None);
        assert_eq!(parse_beijing_time("2026-13-01 10:00:00"), None);
        assert_eq!(parse_beijing_time("2026-11-26 24:00:00"), None);
        assert_eq!(parse_beijing_time("昨天下午"), None);
        assert_eq!(parse_beijing_time(""), None);
    }
}
