using System.ComponentModel.DataAnnotations;

namespace FashionListing.Web.Listings;

/// <summary>How the listing pages keep an unsaved card while the seller edits it (section <c>Autosave</c>).</summary>
public sealed class AutosaveOptions
{
    public const string Section = "Autosave";

    /// <summary>
    /// How long the card must stay unchanged before it is stored: a burst of typing becomes one write, and a
    /// reload loses at most the changes of this last moment.
    /// </summary>
    [Range(50, 60_000)]
    public int DelayMilliseconds { get; set; } = 1000;
}
