namespace FashionListing.Inference.Pipeline;

/// <summary>The two parts of an analysis that a caller may give separate time limits.</summary>
public enum SuggestionStage
{
    /// <summary>Reading the upload: sniffing, decoding, turning upright, resizing and re-encoding it.</summary>
    Decode,

    /// <summary>Everything after the photo is decoded: the model runs and the suggestion is put together.</summary>
    Model,
}

/// <summary>
/// Told by a suggester when an analysis enters a stage, so that the caller can time each stage on its own.
/// </summary>
/// <remarks>
/// Called on the thread that runs the analysis; implementations must return at once and must not throw.
/// </remarks>
public interface ISuggestionStageObserver
{
    /// <summary>The analysis has just entered <paramref name="stage"/>.</summary>
    /// <param name="stage">The stage now running.</param>
    void StageStarted(SuggestionStage stage);
}
