using FashionListing.Tools.Classification;

// One verb per command; each command parses its own options.
return args.FirstOrDefault() switch
{
    "category-train" => CategoryTrainCommand.Run(args[1..], new WholePhotoStandInSegmenter(), "whole-photo-stand-in"),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("Usage: FashionListing.Tools <verb> [options]");
    Console.Error.WriteLine("  category-train   train, evaluate and export the starter model's category head");

    return 2;
}
