using System.Globalization;
using FashionListing.Inference.Taxonomy;

namespace FashionListing.Tools.Fashionpedia;

/// <summary>
/// The <c>fashionpedia-import-coco</c> verb: <c>--coco</c> a COCO-style Fashionpedia file, <c>--images</c> its
/// photos, <c>--taxonomy</c> the final taxonomy (default: the one beside the tools), <c>--out</c> the folder that
/// receives train.csv, images/ and the import report.
/// </summary>
public static class CocoImportCommand
{
    /// <summary>Runs the verb; 0 on success, 1 when the input is wrong (the message says why), 2 on bad
    /// options.</summary>
    public static int Run(IReadOnlyList<string> args)
    {
        ToolArguments options = new(args);
        string? coco = options.Text("coco");
        string? output = options.Text("out");
        if (coco is null || output is null)
        {
            Console.Error.WriteLine(
                "Usage: fashionpedia-import-coco --coco <sample.json> [--images <folder>] [--taxonomy <json>] "
                + "--out <folder>");

            return 2;
        }

        string images = options.Text("images", Path.Combine(Path.GetDirectoryName(Path.GetFullPath(coco))!, "images"));
        string taxonomyPath = options.Text(
            "taxonomy", Path.Combine(AppContext.BaseDirectory, FashionpediaTaxonomy.DefaultRelativePath));
        try
        {
            FashionpediaTaxonomy taxonomy = FashionpediaTaxonomy.Load(taxonomyPath);
            CocoImportResult result = CocoImport.Import(
                coco, images, taxonomy, Path.GetFileName(taxonomyPath), output);

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Imported {result.Instances.Count} objects of {result.Samples.Count} photos into {output}; "
                + $"dropped {result.DroppedCategories.Values.Sum()} objects of unmatched categories and "
                + $"{result.DroppedAttributes.Values.Sum()} unmatched attribute labels (see "
                + $"{CocoImport.ReportFileName})."));

            return 0;
        }
        catch (Exception exception) when (exception
            is IOException or UnauthorizedAccessException or InvalidDataException or ArgumentException)
        {
            Console.Error.WriteLine(exception.Message);

            return 1;
        }
    }
}
