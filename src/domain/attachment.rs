//! Photos and documents on a proposal (issue 17): the type is read from
//! the content, never from the name; images are decoded within limits,
//! turned upright, downsized to at most 1,600 px and encoded anew, which
//! leaves every EXIF field behind (camera, time, GPS: the location the
//! proposer chose on the form is the only one kept); PDFs are kept as
//! sent. CPU work: callers run it off the async threads.

use std::io::Cursor;

use image::codecs::jpeg::JpegEncoder;
use image::{DynamicImage, ImageDecoder, ImageFormat, ImageReader, Limits};

/// The largest file accepted.
pub const MAX_BYTES: usize = 10 * 1024 * 1024;
/// The longest side of a stored photo, and of its thumbnail.
pub const MAX_SIDE: u32 = 1600;
pub const THUMB_SIDE: u32 = 320;
/// The most pixels a photo may hold (a 48-megapixel phone camera, with
/// room): past it the file is refused before it is decoded.
pub const MAX_PIXELS: u64 = 50_000_000;
/// At most this many files on one proposal.
pub const MAX_FILES: i64 = 10;

/// What a file is, by its first bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Jpeg,
    Png,
    Webp,
    Pdf,
}

pub fn sniff(bytes: &[u8]) -> Option<Kind> {
    match bytes {
        [0xFF, 0xD8, 0xFF, ..] => Some(Kind::Jpeg),
        [0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, ..] => Some(Kind::Png),
        [
            b'R',
            b'I',
            b'F',
            b'F',
            _,
            _,
            _,
            _,
            b'W',
            b'E',
            b'B',
            b'P',
            ..,
        ] => Some(Kind::Webp),
        [b'%', b'P', b'D', b'F', b'-', ..] => Some(Kind::Pdf),
        _ => None,
    }
}

/// A file ready to store.
#[derive(Debug, Clone)]
pub struct Prepared {
    /// `foto` or `dokumen`.
    pub kind: &'static str,
    pub mime: &'static str,
    pub bytes: Vec<u8>,
    pub thumb: Option<Vec<u8>>,
    pub width: Option<u32>,
    pub height: Option<u32>,
}

/// Checks and prepares an uploaded file, or says in a sentence why not.
pub fn prepare(bytes: &[u8]) -> Result<Prepared, String> {
    if bytes.is_empty() {
        return Err(crate::i18n::t("pilih-berkas-foto-jpeg-png-webp").into());
    }
    if bytes.len() > MAX_BYTES {
        return Err(crate::i18n::t("berkas-terlalu-besar-paling-besar-10").into());
    }
    match sniff(bytes) {
        Some(Kind::Pdf) => Ok(Prepared {
            kind: "dokumen",
            mime: "application/pdf",
            bytes: bytes.to_vec(),
            thumb: None,
            width: None,
            height: None,
        }),
        Some(k) => photo(bytes, k),
        None => Err(crate::i18n::t("berkas-ini-bukan-foto-jpeg-png").into()),
    }
}

fn photo(bytes: &[u8], kind: Kind) -> Result<Prepared, String> {
    let unreadable = |_| crate::i18n::t("foto-ini-rusak-atau-tidak-dapat").to_string();
    let img = decode(bytes, kind).map_err(unreadable)?;
    let img = if img.width() > MAX_SIDE || img.height() > MAX_SIDE {
        img.resize(MAX_SIDE, MAX_SIDE, image::imageops::FilterType::Lanczos3)
    } else {
        img
    };
    let thumb = img.thumbnail(THUMB_SIDE, THUMB_SIDE);
    // PNG stays PNG (drawings, screenshots); photos become JPEG.
    let (mime, out) = if kind == Kind::Png {
        ("image/png", png(&img).map_err(unreadable)?)
    } else {
        ("image/jpeg", jpeg(&img).map_err(unreadable)?)
    };
    Ok(Prepared {
        kind: "foto",
        mime,
        bytes: out,
        thumb: Some(jpeg(&thumb).map_err(unreadable)?),
        width: Some(img.width()),
        height: Some(img.height()),
    })
}

/// Decodes within limits (no decompression bomb: 12,000 px a side, 256 MB
/// of pixels at most) and turns the picture as its EXIF says.
fn decode(bytes: &[u8], kind: Kind) -> image::ImageResult<DynamicImage> {
    let format = match kind {
        Kind::Jpeg => ImageFormat::Jpeg,
        Kind::Png => ImageFormat::Png,
        _ => ImageFormat::WebP,
    };
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
    let mut limits = Limits::default();
    limits.max_image_width = Some(12_000);
    limits.max_image_height = Some(12_000);
    limits.max_alloc = Some(MAX_PIXELS * 4);
    reader.limits(limits.clone());
    let mut decoder = reader.into_decoder()?;
    // `from_decoder` does not hold the decoder to `max_alloc` (only
    // `ImageReader::decode` does): reserve the pixels here, so a small
    // file that unpacks to gigabytes is refused before it is unpacked.
    let (w, h) = decoder.dimensions();
    if u64::from(w) * u64::from(h) > MAX_PIXELS {
        return Err(image::ImageError::Limits(
            image::error::LimitError::from_kind(image::error::LimitErrorKind::DimensionError),
        ));
    }
    limits.reserve(decoder.total_bytes())?;
    let orientation = decoder.orientation()?;
    let mut img = DynamicImage::from_decoder(decoder)?;
    img.apply_orientation(orientation);
    Ok(img)
}

fn jpeg(img: &DynamicImage) -> image::ImageResult<Vec<u8>> {
    let mut out = Vec::new();
    JpegEncoder::new_with_quality(&mut out, 85).encode_image(&img.to_rgb8())?;
    Ok(out)
}

fn png(img: &DynamicImage) -> image::ImageResult<Vec<u8>> {
    let mut out = Cursor::new(Vec::new());
    img.write_to(&mut out, ImageFormat::Png)?;
    Ok(out.into_inner())
}

/// A file name as shown: its last path part, printable, at most 100
/// characters (the name is only a label; the type came from the content).
pub fn clean_name(name: &str) -> String {
    let last = name.rsplit(['/', '\\']).next().unwrap_or("");
    let cleaned: String = last.chars().filter(|c| !c.is_control()).take(100).collect();
    if cleaned.trim().is_empty() {
        "berkas".into()
    } else {
        cleaned.trim().to_string()
    }
}

/// A plain JPEG of `w` × `h` carrying an EXIF segment with `secret` in
/// it, as a phone's camera writes GPS and time: for the tests (unit,
/// integration and browser) that show it is gone after an upload.
pub fn jpeg_with_exif(w: u32, h: u32, secret: &str) -> Vec<u8> {
    let img = DynamicImage::new_rgb8(w, h);
    let plain = jpeg(&img).unwrap_or_default();
    // APP1 "Exif\0\0" + a big-endian TIFF header with an empty IFD,
    // then the secret as trailing data.
    let mut exif = b"Exif\0\0MM\0\x2a\0\0\0\x08\0\0\0\0\0\0".to_vec();
    exif.extend_from_slice(secret.as_bytes());
    let len = (exif.len() + 2) as u16;
    let mut out = plain[..2.min(plain.len())].to_vec();
    out.extend_from_slice(&[0xFF, 0xE1]);
    out.extend_from_slice(&len.to_be_bytes());
    out.extend_from_slice(&exif);
    out.extend_from_slice(plain.get(2..).unwrap_or_default());
    out
}

#[cfg(test)]
pub mod tests {
    use super::*;

    #[test]
    fn types_come_from_the_content() {
        assert_eq!(sniff(&jpeg_with_exif(4, 4, "x")), Some(Kind::Jpeg));
        assert_eq!(sniff(b"%PDF-1.7\n..."), Some(Kind::Pdf));
        assert_eq!(sniff(b"RIFF\0\0\0\0WEBPVP8 "), Some(Kind::Webp));
        assert_eq!(sniff(b"MZ\x90\0 an exe called foto.jpg"), None);
        assert!(prepare(b"MZ\x90\0").unwrap_err().contains("bukan foto"));
        assert!(prepare(b"").is_err());
        assert!(
            prepare(&[0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3])
                .unwrap_err()
                .contains("rusak")
        );
    }

    #[test]
    fn a_photo_is_downsized_and_loses_its_exif() {
        let sent = jpeg_with_exif(2400, 1200, "GPS-7.4797,110.2177");
        assert!(sent.windows(4).any(|w| w == b"Exif"));
        let p = prepare(&sent).unwrap();
        assert_eq!((p.width, p.height), (Some(1600), Some(800)));
        assert_eq!(p.mime, "image/jpeg");
        assert!(!p.bytes.windows(4).any(|w| w == b"Exif"));
        assert!(!p.bytes.windows(3).any(|w| w == b"GPS"));
        let thumb = image::load_from_memory(p.thumb.as_ref().unwrap()).unwrap();
        assert_eq!(thumb.width(), 320);
    }

    #[test]
    fn a_picture_too_large_to_unpack_is_refused_unread() {
        // A tiny JPEG whose frame header says 10,000 × 6,000 (60
        // megapixels): refused from its header, before any unpacking.
        let mut big = jpeg(&DynamicImage::new_rgb8(8, 8)).unwrap();
        let sof = big.windows(2).position(|w| w == [0xFF, 0xC0]).unwrap();
        big[sof + 5..sof + 7].copy_from_slice(&6_000u16.to_be_bytes());
        big[sof + 7..sof + 9].copy_from_slice(&10_000u16.to_be_bytes());
        assert!(prepare(&big).unwrap_err().contains("tidak dapat dibaca"));
    }

    #[test]
    fn names_are_labels_only() {
        assert_eq!(clean_name("C:\\Users\\x\\foto jalan.jpg"), "foto jalan.jpg");
        assert_eq!(clean_name("../../etc/passwd"), "passwd");
        assert_eq!(clean_name("\u{0}\n"), "berkas");
    }
}
