using System.Globalization;

namespace FashionListing.Web.Studies;

/// <summary>How the dashboard writes numbers: invariant culture, and a dash where a number is not defined.</summary>
public static class StudyFormat
{
    public const string Undefined = "–";

    public static string Number(double value, string format = "0.0") =>
        double.IsFinite(value) ? value.ToString(format, CultureInfo.InvariantCulture) : Undefined;

    public static string Seconds(double value) => double.IsFinite(value) ? Number(value) + " s" : Undefined;

    public static string Interval(double low, double high, string unit = " s") =>
        double.IsFinite(low) && double.IsFinite(high) ? $"{Number(low)} to {Number(high)}{unit}" : Undefined;

    public static string PValue(double p) => p switch
    {
        double.NaN => Undefined,
        < 0.001 => "< 0.001",
        _ => p.ToString("0.000", CultureInfo.InvariantCulture),
    };

    public static string Percent(double share) =>
        double.IsFinite(share) ? (share * 100).ToString("0", CultureInfo.InvariantCulture) + " %" : Undefined;

    public static string Modes(IReadOnlyList<double> modes, string format = "0") =>
        modes.Count == 0 ? "none" : string.Join(", ", modes.Select(m => Number(m, format)));
}
