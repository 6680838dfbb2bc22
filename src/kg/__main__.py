from kg.cli import main

if __name__ == "__main__":  # not again in a worker process spawned by the build (kg build --engine dask)
    main()
