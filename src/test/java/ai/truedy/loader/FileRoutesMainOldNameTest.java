package ai.truedy.loader;

import org.apache.camel.main.MainConfigurationProperties;

/**
 * An embedding application that still names the configuration class by its old name,
 * {@code ai.truedy.loader.LoaderBeans}: the same routes load the same file (the warning that
 * says to rename it is logged at start).
 */
@SuppressWarnings("removal")
class FileRoutesMainOldNameTest extends FileRoutesMainTest {

    @Override
    protected void configure(MainConfigurationProperties configuration) {
        configuration.withRoutesIncludePattern("file:routes/*.camel.yaml");
        configuration.addConfiguration(LoaderBeans.class);
    }
}
