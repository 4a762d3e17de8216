namespace FashionListing.Inference.Imaging;

/// <summary>
/// Formats the product recognises but does not read, so that the seller is told what the file is and what to
/// do instead of only that it is not a photo we take.
/// </summary>
public enum RefusedFormat
{
    /// <summary>Not recognised at all: text, an unknown binary, an empty file.</summary>
    Unknown = 0,

    /// <summary>HEIF or HEIC, the iPhone's default photo format (an ISO-BMFF file with a HEIF brand).</summary>
    Heic,

    /// <summary>AVIF (an ISO-BMFF file with an AVIF brand).</summary>
    Avif,

    /// <summary>TIFF, in either byte order.</summary>
    Tiff,

    /// <summary>A PDF document.</summary>
    Pdf,

    /// <summary>An SVG drawing, which can carry scripts and is never treated as a photo.</summary>
    Svg,
}
