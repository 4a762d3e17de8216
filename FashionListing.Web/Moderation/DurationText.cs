using System.Globalization;

namespace FashionListing.Web.Moderation;

/// <summary>Durations as the moderators' pages show them: "45 s", "12 min", "3 h 5 min", "2 d 4 h".</summary>
public static class DurationText
{
    /// <summary>The duration, rounded down to its two largest units (to the second under a minute).</summary>
    public static string Of(TimeSpan duration)
    {
        TimeSpan d = duration < TimeSpan.Zero ? TimeSpan.Zero : duration;
        CultureInfo invariant = CultureInfo.InvariantCulture;
        if (d < TimeSpan.FromMinutes(1))
        {
            return string.Create(invariant, $"{(int)d.TotalSeconds} s");
        }

        if (d < TimeSpan.FromHours(1))
        {
            return string.Create(invariant, $"{(int)d.TotalMinutes} min");
        }

        return d < TimeSpan.FromDays(1)
            ? string.Create(invariant, $"{(int)d.TotalHours} h {d.Minutes} min")
            : string.Create(invariant, $"{(int)d.TotalDays} d {d.Hours} h");
    }
}
