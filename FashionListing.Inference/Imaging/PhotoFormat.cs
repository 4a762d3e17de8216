namespace FashionListing.Inference.Imaging;

/// <summary>The image formats an upload may be in.</summary>
public enum PhotoFormat
{
    /// <summary>Anything that is not a JPEG, PNG, WebP or GIF image (including an empty file).</summary>
    Unsupported = 0,

    /// <summary>A JPEG (JFIF or EXIF) image.</summary>
    Jpeg,

    /// <summary>A PNG image.</summary>
    Png,

    /// <summary>A WebP image, lossy or lossless; of an animated one only the first frame is used.</summary>
    Webp,

    /// <summary>A GIF image (87a or 89a); of an animated one only the first frame is used.</summary>
    Gif,
}
