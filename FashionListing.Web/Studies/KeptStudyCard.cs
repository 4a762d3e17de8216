using System.Text.Json;
using FashionListing.Web.Components.Listing;

namespace FashionListing.Web.Studies;

/// <summary>A running task's card and its edit counts, as <see cref="StudyTask.KeptCardJson"/> keeps them.</summary>
/// <param name="Card">The card's fields as typed, valid or not.</param>
/// <param name="Edits">The edits per field counted so far (see <see cref="FieldEditCounter"/>).</param>
public sealed record KeptStudyCard(ListingFormModel Card, IReadOnlyDictionary<string, int> Edits)
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web);

    public string ToJson() => JsonSerializer.Serialize(this, s_json);

    /// <summary>The kept card, or null when there is none or it cannot be read (the task then starts afresh).</summary>
    public static KeptStudyCard? FromJson(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return null;
        }

        try
        {
            KeptStudyCard? kept = JsonSerializer.Deserialize<KeptStudyCard>(json, s_json);
            return kept is { Card: not null, Edits: not null } ? kept : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
