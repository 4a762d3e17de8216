namespace FashionListing.Tools.Classification;

/// <summary>One labelled photo of the clothing dataset.</summary>
public sealed record LabelledPhoto(string Image, string SenderId, string Label);

/// <summary>Reads the clothing dataset's images.csv (image,sender_id,label,kids).</summary>
public static class ClothingDataset
{
    /// <summary>Labels that name no garment class; their photos are neither trained on nor scored.</summary>
    public static readonly IReadOnlySet<string> ExcludedLabels = new HashSet<string>(StringComparer.Ordinal)
    {
        "Not sure",
        "Other",
        "Skip",
    };

    /// <summary>The photos with a garment label, in the file's order.</summary>
    public static IReadOnlyList<LabelledPhoto> ReadGarmentPhotos(string csvPath)
    {
        string[] lines = File.ReadAllLines(csvPath);
        if (lines.Length == 0 || lines[0] != "image,sender_id,label,kids")
        {
            throw new InvalidDataException($"{csvPath} does not start with the header image,sender_id,label,kids.");
        }

        List<LabelledPhoto> photos = [];
        for (int i = 1; i < lines.Length; i++)
        {
            string[] fields = lines[i].Split(',');
            if (fields.Length != 4)
            {
                throw new InvalidDataException($"Line {i + 1} of {csvPath} has {fields.Length} fields; expected 4.");
            }

            if (!ExcludedLabels.Contains(fields[2]))
            {
                photos.Add(new LabelledPhoto(fields[0], fields[1], fields[2]));
            }
        }

        return photos;
    }
}
