Console.WriteLine("FashionListing tools");
