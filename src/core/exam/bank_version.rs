//! The bank's version: a short stable hash of its canonical JSON, so a paper can name the
//! exact questions it was drawn from.

use sha2::{Digest, Sha256};

use crate::core::bank::Bank;

/// The first `hex_len` hex digits of the SHA-256 of `bytes` (at most 64).
pub fn short_hash(bytes: &[u8], hex_len: usize) -> String {
    short_hash_of_parts(&[bytes], hex_len)
}

/// [`short_hash`] of `parts` one after the other, without joining them first.
pub fn short_hash_of_parts(parts: &[&[u8]], hex_len: usize) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut hasher = Sha256::new();
    for part in parts {
        hasher.update(part);
    }
    let mut hex = String::with_capacity(64);
    for b in hasher.finalize() {
        hex.push(char::from(DIGITS[usize::from(b >> 4)]));
        hex.push(char::from(DIGITS[usize::from(b & 0xf)]));
    }
    hex.truncate(hex_len);
    hex
}

/// The bank's version: 12 hex digits of the SHA-256 of [`Bank::to_json`], which lists cases
/// and questions in bank order with fields in a fixed order.
pub fn bank_version(bank: &Bank) -> String {
    short_hash(bank.to_json().as_bytes(), 12)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::exam::paper::tests::small_bank;

    #[test]
    fn hashes_are_stable_and_short() {
        assert_eq!(
            short_hash(b"abc", 16),
            "ba7816bf8f01cfea",
            "SHA-256 of \"abc\" per FIPS 180-2"
        );
        let bank = small_bank();
        assert_eq!(bank_version(&bank).len(), 12);
        assert_eq!(bank_version(&bank), bank_version(&small_bank()));
        let mut questions = bank.questions().to_vec();
        questions[0].stem.push('。');
        let edited = Bank::new(questions, bank.cases().to_vec());
        assert_ne!(bank_version(&edited), bank_version(&bank));
    }

    #[test]
    fn parts_hash_as_the_bytes_joined() {
        let text = "xuefa-result-1|{\"e\":\"考试\",\"c\":\"\"}".repeat(5);
        let bytes = text.as_bytes();
        for cut in [0, 1, 15, 64, 100, bytes.len()] {
            let (head, tail) = bytes.split_at(cut);
            assert_eq!(
                short_hash_of_parts(&[head, b"", tail], 64),
                short_hash(bytes, 64),
                "cut at {cut}"
            );
        }
        assert_ne!(
            short_hash_of_parts(&[b"c", b"ab"], 64),
            short_hash(b"abc", 64),
            "parts are hashed in their order"
        );
    }
}
