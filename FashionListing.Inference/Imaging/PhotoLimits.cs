using System.ComponentModel.DataAnnotations;

namespace FashionListing.Inference.Imaging;

/// <summary>
/// Limits on uploaded photos, bound from the <c>Photos</c> section of <c>appsettings.json</c> and
/// validated at start-up.
/// </summary>
public sealed class PhotoLimits
{
    /// <summary>The configuration section the limits are bound from.</summary>
    public const string SectionName = "Photos";

    /// <summary>The largest file accepted, in bytes; 25 MiB unless configured.</summary>
    [Range(1_048_576d, 104_857_600d, ErrorMessage = "Photos:MaxUploadBytes must be between {1} and {2} bytes.")]
    public long MaxUploadBytes { get; set; } = 25 * 1024 * 1024;

    /// <summary>
    /// The most pixels (width times height) a photo may have; 50 million unless configured.
    /// Checked from the file's header before any pixel is decoded.
    /// </summary>
    // A PNG is decoded at full size (4 bytes a pixel) before it is scaled down, so the upper bound
    // keeps one upload below about 400 MB of memory.
    [Range(1_000_000d, 100_000_000d, ErrorMessage = "Photos:MaxPixels must be between {1} and {2} pixels.")]
    public long MaxPixels { get; set; } = 50_000_000;

    /// <summary>The longest side, in pixels, of the photo the product keeps; 2048 unless configured.</summary>
    [Range(256, 8192, ErrorMessage = "Photos:MaxStoredSide must be between {1} and {2} pixels.")]
    public int MaxStoredSide { get; set; } = 2048;
}
