using System.Globalization;

namespace FashionListing.Web.Components.Listing;

/// <summary>File sizes as a seller reads them.</summary>
public static class ByteSize
{
    private const long Kilobyte = 1024;
    private const long Megabyte = 1024 * 1024;

    /// <summary>The size in bytes, KB or MB with at most one decimal, rounded to the nearest.</summary>
    public static string Format(long bytes) => Format(bytes, Math.Round);

    /// <summary>
    /// A size over <paramref name="limit"/> and the limit itself, the size rounded up and the limit down, so that
    /// the seller never reads a size equal to the limit it exceeds ("2 MB; the limit is 2 MB").
    /// </summary>
    public static (string Size, string Limit) FormatOver(long size, long limit) =>
        (Format(size, Math.Ceiling), Format(limit, Math.Floor));

    private static string Format(long bytes, Func<double, double> round) => bytes switch
    {
        >= Megabyte => Tenths(bytes, Megabyte, round) + " MB",
        >= Kilobyte => Tenths(bytes, Kilobyte, round) + " KB",
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes} bytes"),
    };

    private static string Tenths(long bytes, long unit, Func<double, double> round) =>
        (round(bytes * 10.0 / unit) / 10).ToString("0.#", CultureInfo.InvariantCulture);
}
