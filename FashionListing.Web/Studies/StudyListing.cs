using FashionListing.Web.Data;

namespace FashionListing.Web.Studies;

/// <summary>
/// The card a participant submitted in a study task. Kept in a table of its own, apart from the sellers'
/// drafts, so that a study listing can never reach the marketplace, the drafts page or the moderators.
/// </summary>
public sealed class StudyListing
{
    public Guid Id { get; set; }

    /// <summary>The task it was made in (one listing per task).</summary>
    public Guid TaskId { get; set; }

    public DateTime SubmittedUtc { get; set; }

    public string Title { get; set; } = "";

    public string? Category { get; set; }

    public string? Colour { get; set; }

    public List<string> Attributes { get; set; } = [];

    public string? Description { get; set; }

    public string? Size { get; set; }

    public string? Brand { get; set; }

    public ItemCondition Condition { get; set; }

    public decimal Price { get; set; }
}
