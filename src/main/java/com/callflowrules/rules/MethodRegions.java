package com.callflowrules.rules;

import java.util.Map;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * {@link CompiledRuleCheck}'s first pass over a generated class: the {@link CodeRegion} of each
 * of its methods, so that a call can be checked against its target's region.
 */
final class MethodRegions extends ClassVisitor {

    private final Map<String, CodeRegion> regions;
    private String className;

    /** @param regions filled with {@code owner.name descriptor} to the method's region */
    MethodRegions(Map<String, CodeRegion> regions) {
        super(Opcodes.ASM9);
        this.regions = regions;
    }

    @Override
    public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
        className = name;
    }

    @Override
    public MethodVisitor visitMethod(
            int access, String name, String descriptor, String signature, String[] exceptions) {
        regions.put(className + "." + name + descriptor, CodeRegion.of(className, access, name, descriptor));
        return null;
    }
}
