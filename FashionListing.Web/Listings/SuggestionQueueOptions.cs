using System.ComponentModel.DataAnnotations;

namespace FashionListing.Web.Listings;

/// <summary>
/// How many photo analyses run at once, how many may wait, and how long each stage may take (section
/// <c>SuggestionQueue</c>). The defaults and the measurements behind them are in <c>docs/limits.md</c>.
/// </summary>
public sealed class SuggestionQueueOptions
{
    public const string Section = "SuggestionQueue";

    /// <summary>Analyses (and photo cleanings) that run at the same time.</summary>
    [Range(1, 64, ErrorMessage = "SuggestionQueue:MaxConcurrent must be between {1} and {2}.")]
    public int MaxConcurrent { get; set; } = 2;

    /// <summary>Uploads that may wait for a free slot; one more is answered "busy" at once.</summary>
    [Range(0, 256, ErrorMessage = "SuggestionQueue:MaxWaiting must be between {1} and {2}.")]
    public int MaxWaiting { get; set; } = 8;

    /// <summary>Seconds that reading (decoding and cleaning) one photo may take.</summary>
    [Range(1, 600, ErrorMessage = "SuggestionQueue:DecodeTimeLimitSeconds must be between {1} and {2}.")]
    public int DecodeTimeLimitSeconds { get; set; } = 10;

    /// <summary>Seconds that the model's part of one analysis may take.</summary>
    [Range(1, 600, ErrorMessage = "SuggestionQueue:ModelTimeLimitSeconds must be between {1} and {2}.")]
    public int ModelTimeLimitSeconds { get; set; } = 30;

    /// <summary>Seconds a page waits before it tries a busy upload again.</summary>
    [Range(1, 120, ErrorMessage = "SuggestionQueue:BusyRetrySeconds must be between {1} and {2}.")]
    public int BusyRetrySeconds { get; set; } = 5;

    /// <summary>How many times a page tries a busy upload again before it gives up.</summary>
    [Range(0, 20, ErrorMessage = "SuggestionQueue:BusyRetries must be between {1} and {2}.")]
    public int BusyRetries { get; set; } = 3;
}
