package com.callflowrules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * The text one compiled class carries, read with ASM: its string constants (loaded constants,
 * constant fields, string-concatenation recipes) and its names (the class, its fields and
 * methods), for {@link ConventionsTest}. Annotation values are left out: they describe the code
 * (an OpenAPI example), they do not run.
 */
record ClassText(String className, List<String> constants, List<String> names) {

    static List<ClassText> underneath(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(path -> path.toString().endsWith(".class"))
                    .map(ClassText::read)
                    .toList();
        }
    }

    private static ClassText read(Path classFile) {
        try {
            Reader reader = new Reader();
            new ClassReader(Files.readAllBytes(classFile)).accept(reader, ClassReader.SKIP_DEBUG);
            return new ClassText(reader.className, reader.constants, reader.names);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class Reader extends ClassVisitor {

        String className;
        final List<String> constants = new ArrayList<>();
        final List<String> names = new ArrayList<>();

        Reader() {
            super(Opcodes.ASM9);
        }

        @Override
        public void visit(
                int version, int access, String name, String signature, String superName, String[] interfaces) {
            className = name.replace('/', '.');
            names.add(name.substring(name.lastIndexOf('/') + 1).replaceFirst("^.*\\$", ""));
        }

        @Override
        public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
            names.add(name);
            if (value instanceof String text) {
                constants.add(text);
            }
            return null;
        }

        @Override
        public MethodVisitor visitMethod(
                int access, String name, String descriptor, String signature, String[] exceptions) {
            names.add(name);
            return new MethodVisitor(Opcodes.ASM9) {
                @Override
                public void visitLdcInsn(Object value) {
                    if (value instanceof String text) {
                        constants.add(text);
                    }
                }

                @Override
                public void visitInvokeDynamicInsn(String indy, String type, Handle bootstrap, Object... arguments) {
                    for (Object argument : arguments) {
                        if (argument instanceof String text) {
                            constants.add(text);
                        }
                    }
                }
            };
        }
    }
}
